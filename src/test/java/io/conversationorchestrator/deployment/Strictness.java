package io.conversationorchestrator.deployment;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8 does not fail on unknown fields: it stores them in each model object's {@code
 * additionalProperties}. Walking the object graph and requiring every such map to be empty makes
 * the typed parse strict.
 */
final class Strictness {
  private Strictness() {}

  static List<String> unknownFields(Object root, String id) {
    List<String> found = new ArrayList<>();
    walk(root, "", found, new IdentityHashMap<>());
    return found.stream().map(path -> id + ": unknown field " + path).toList();
  }

  private static void walk(
      Object node, String path, List<String> found, IdentityHashMap<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof Collection<?> list) {
      int i = 0;
      for (Object item : list) {
        walk(item, path + "[" + i++ + "]", found, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, value) -> walk(value, path + "[" + k + "]", found, seen));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.") || node.getClass().isEnum()) {
      return;
    }
    for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object value;
        try {
          field.setAccessible(true);
          value = field.get(node);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if ("additionalProperties".equals(field.getName()) && value instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> found.add(join(path, String.valueOf(k))));
        } else {
          walk(value, join(path, field.getName()), found, seen);
        }
      }
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
