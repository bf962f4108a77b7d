package io.conversationorchestrator.configuration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link StatusTimeouts} with {@code warnBeforeClose}: {@code closed} is given and greater, so the
 * warning comes after the last activity and before the close.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WarningBeforeClose.Check.class)
public @interface WarningBeforeClose {
  String message() default "warnBeforeClose must be less than closed";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check itself. */
  class Check implements ConstraintValidator<WarningBeforeClose, StatusTimeouts> {
    @Override
    public boolean isValid(StatusTimeouts timeouts, ConstraintValidatorContext context) {
      if (timeouts == null || timeouts.warnBeforeClose() == null) {
        return true;
      }
      String problem =
          timeouts.closed() == null
              ? "warnBeforeClose needs closed"
              : timeouts.warnBeforeClose() < timeouts.closed()
                  ? null
                  : "warnBeforeClose ("
                      + timeouts.warnBeforeClose()
                      + ") must be less than closed ("
                      + timeouts.closed()
                      + ")";
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
