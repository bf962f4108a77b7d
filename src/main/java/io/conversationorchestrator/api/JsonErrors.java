package io.conversationorchestrator.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns Jackson's binding failures into messages that name the offending field. */
public final class JsonErrors {
  private JsonErrors() {}

  /** The 400 for a body that did not bind, for code that binds JSON itself (e.g. PATCH merges). */
  public static ApiException invalid(com.fasterxml.jackson.core.JsonProcessingException e) {
    return e instanceof JsonMappingException mapping
        ? ApiException.invalid(describe(mapping))
        : ApiException.invalid("The request body is not valid JSON");
  }

  static String describe(JsonMappingException e) {
    String field = FieldPaths.fromJsonPath(e.getPath());
    String subject = field.isEmpty() ? "the request body" : "'" + field + "'";
    if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(format.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      return "Invalid value for " + subject + ": expected one of " + allowed;
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "Invalid value for " + subject + ": expected " + typeName(mismatch.getTargetType());
    }
    return "Invalid value for " + subject;
  }

  private static String typeName(Class<?> type) {
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.getName().startsWith("java.time")) {
      return "an ISO-8601 date-time";
    }
    return "an object";
  }
}
