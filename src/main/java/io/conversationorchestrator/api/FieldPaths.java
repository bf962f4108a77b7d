package io.conversationorchestrator.api;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;

/** Renders the location of a bad value the way a client wrote it: {@code participants[0].name}. */
final class FieldPaths {
  private FieldPaths() {}

  static String fromJsonPath(List<Reference> path) {
    StringBuilder out = new StringBuilder();
    for (Reference reference : path) {
      if (reference.getFieldName() != null) {
        appendName(out, reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** Skips the method and parameter nodes Bean Validation puts in front of a request body. */
  static String fromPropertyPath(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.getIndex() != null) {
        out.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        out.append('.').append(node.getKey());
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        appendName(out, node.getName());
      }
    }
    return out.toString();
  }

  private static void appendName(StringBuilder out, String name) {
    if (!out.isEmpty()) {
      out.append('.');
    }
    out.append(name);
  }
}
