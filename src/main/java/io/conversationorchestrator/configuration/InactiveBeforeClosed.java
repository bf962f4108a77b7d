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
 * {@link StatusTimeouts} with both values: {@code inactive} is less than {@code closed}. The
 * message names both values; the field path ({@code channelSettings.SMS.statusTimeouts}) names the
 * channel.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InactiveBeforeClosed.Check.class)
public @interface InactiveBeforeClosed {
  String message() default "inactive must be less than closed";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check itself. */
  class Check implements ConstraintValidator<InactiveBeforeClosed, StatusTimeouts> {
    @Override
    public boolean isValid(StatusTimeouts timeouts, ConstraintValidatorContext context) {
      if (timeouts == null
          || timeouts.inactive() == null
          || timeouts.closed() == null
          || timeouts.inactive() < timeouts.closed()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "inactive ("
                  + timeouts.inactive()
                  + ") must be less than closed ("
                  + timeouts.closed()
                  + ")")
          .addConstraintViolation();
      return false;
    }
  }
}
