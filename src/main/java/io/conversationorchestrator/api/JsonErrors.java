package io.conversationorchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.conversationorchestrator.json.DateTimes;
import io.conversationorchestrator.json.InvalidJsonException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Turns Jackson's binding failures into messages that name the offending field. */
public final class JsonErrors {
  private JsonErrors() {}

  /** The 400 for a body that did not bind, for code that binds JSON itself (e.g. PATCH merges). */
  public static ApiException invalid(JsonProcessingException e) {
    return ApiException.invalid(describe(e));
  }

  /** The client's message for any failure to read a body. */
  static String describe(JsonProcessingException e) {
    InvalidJsonException strict = strictCause(e);
    if (strict != null) {
      return strict.clientMessage();
    }
    return e instanceof JsonMappingException mapping
        ? describeMapping(mapping)
        : "The request body is not valid JSON";
  }

  private static InvalidJsonException strictCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidJsonException strict) {
        return strict;
      }
    }
    return null;
  }

  private static String describeMapping(JsonMappingException e) {
    String field = FieldPaths.fromJsonPath(e.getPath());
    if (e instanceof UnrecognizedPropertyException) {
      return "Unknown field '" + field + "'";
    }
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
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.getName().startsWith("java.time")) {
      return DateTimes.EXPECTED;
    }
    return "an object";
  }
}
