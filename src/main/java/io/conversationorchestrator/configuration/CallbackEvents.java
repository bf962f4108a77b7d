package io.conversationorchestrator.configuration;

import io.conversationorchestrator.events.EventStream;
import io.conversationorchestrator.events.EventType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;

/**
 * An event type a callback or subscription may ask for: one of the conversation stream, the events
 * delivered to callbacks (conversation, participant, communication and action events). Derived from
 * {@link EventType}, so a type added there is accepted at once.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CallbackEvents.Check.class)
public @interface CallbackEvents {
  /** The names a filter may list, in declaration order. */
  List<String> NAMES =
      Stream.of(EventType.values())
          .filter(t -> t.stream() == EventStream.CONVERSATIONS)
          .map(Enum::name)
          .toList();

  String message() default "not an event type delivered to callbacks";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check itself; null is left to {@code @NotNull}. */
  class Check implements ConstraintValidator<CallbackEvents, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || NAMES.contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "'" + escape(value) + "' is not one of " + String.join(", ", NAMES))
          .addConstraintViolation();
      return false;
    }

    /** The value is the client's text: no message expression may run from it. */
    private static String escape(String value) {
      return value
          .replace("\\", "\\\\")
          .replace("{", "\\{")
          .replace("}", "\\}")
          .replace("$", "\\$");
    }
  }
}
