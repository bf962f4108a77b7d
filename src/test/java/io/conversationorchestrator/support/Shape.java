package io.conversationorchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small JSON schema checker, written as a table of rows {@code path | required | nullable |
 * type}, to restate a client's schema (e.g. a zod object) in a test. A path is dotted; {@code
 * name[]} walks every element of an array and {@code *} every value of an object. A row applies
 * only where its parent exists, so the rows of an optional object bind only when it is there.
 * Types: {@code string}, {@code number}, {@code integer}, {@code boolean}, {@code object}, {@code
 * array}, or {@code A,B,C} (a string, one of these).
 */
public final class Shape {
  private record Row(String path, boolean required, boolean nullable, String type) {}

  private final List<Row> rows = new ArrayList<>();

  private Shape() {}

  /** Rows as {@code path | yes/no | yes/no | type}, one a line. */
  public static Shape of(String table) {
    Shape shape = new Shape();
    for (String line : table.strip().split("\n")) {
      String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
      shape.rows.add(new Row(cells[0], yes(cells[1]), yes(cells[2]), cells[3]));
    }
    return shape;
  }

  /** Every way {@code document} breaks the rows, e.g. {@code author.participantId: missing}. */
  public List<String> problems(JsonNode document) {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      int dot = row.path.lastIndexOf('.');
      String parent = dot < 0 ? "" : row.path.substring(0, dot);
      String name = row.path.substring(dot + 1);
      for (Located at : locate(document, parent)) {
        check(row, at.path, name, at.node, problems);
      }
    }
    return problems;
  }

  private record Located(String path, JsonNode node) {}

  private static void check(
      Row row, String parentPath, String name, JsonNode parent, List<String> problems) {
    boolean array = name.endsWith("[]");
    String field = array ? name.substring(0, name.length() - 2) : name;
    String where = parentPath.isEmpty() ? field : parentPath + "." + field;
    JsonNode value = parent.get(field);
    if (value == null || value.isMissingNode()) {
      if (row.required) {
        problems.add(where + ": missing");
      }
      return;
    }
    if (value.isNull()) {
      if (!row.nullable) {
        problems.add(where + ": null, but the schema does not allow null");
      }
      return;
    }
    String problem = typeProblem(row.type, value);
    if (problem != null) {
      problems.add(where + ": " + problem);
    }
  }

  private static String typeProblem(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual() ? null : "expected a string, got " + value;
      case "number" -> value.isNumber() ? null : "expected a number, got " + value;
      case "integer" -> value.isIntegralNumber() ? null : "expected an integer, got " + value;
      case "boolean" -> value.isBoolean() ? null : "expected a boolean, got " + value;
      case "object" -> value.isObject() ? null : "expected an object, got " + value;
      case "array" -> value.isArray() ? null : "expected an array, got " + value;
      default ->
          value.isTextual() && List.of(type.split(",")).contains(value.asText())
              ? null
              : "expected one of " + type + ", got " + value;
    };
  }

  /** The nodes a parent path names, with their concrete paths; none where a step is absent. */
  private static List<Located> locate(JsonNode root, String path) {
    List<Located> at = new ArrayList<>(List.of(new Located("", root)));
    if (path.isEmpty()) {
      return at;
    }
    for (String step : path.split("\\.")) {
      List<Located> next = new ArrayList<>();
      for (Located l : at) {
        if (step.equals("*")) {
          l.node.fields().forEachRemaining(f -> next.add(child(l, f.getKey(), f.getValue())));
        } else if (step.endsWith("[]")) {
          String field = step.substring(0, step.length() - 2);
          JsonNode array = l.node.path(field);
          for (int i = 0; i < array.size() && array.isArray(); i++) {
            next.add(child(l, field + "[" + i + "]", array.get(i)));
          }
        } else if (l.node.path(step).isObject()) {
          next.add(child(l, step, l.node.get(step)));
        }
      }
      at = next;
    }
    return at;
  }

  private static Located child(Located parent, String step, JsonNode node) {
    return new Located(parent.path.isEmpty() ? step : parent.path + "." + step, node);
  }

  private static boolean yes(String cell) {
    return cell.equalsIgnoreCase("yes");
  }
}
