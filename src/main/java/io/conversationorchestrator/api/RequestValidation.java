package io.conversationorchestrator.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Checks a request body against its constraints for one operation's rules (validation groups). */
@ApplicationScoped
public class RequestValidation {
  private final Validator validator;

  public RequestValidation(Validator validator) {
    this.validator = validator;
  }

  public <T> T check(T body, Class<?>... groups) {
    if (body == null) {
      throw ApiException.invalid("A JSON request body is required");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body, groups);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
