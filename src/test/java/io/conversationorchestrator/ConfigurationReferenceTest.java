package io.conversationorchestrator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Configuration reference" lists exactly the {@code orchestrator.*} properties that
 * the {@code @ConfigMapping} interfaces define, with their defaults ("—" for none).
 */
class ConfigurationReferenceTest {
  private static final String NONE = "—";
  private static final Pattern ROW =
      Pattern.compile("^\\| `(orchestrator\\.[^`]+)` \\| ([^|]+) \\|");

  @Test
  void readmeListsEveryOrchestratorPropertyWithItsDefault() throws Exception {
    Map<String, String> defined = new TreeMap<>();
    for (Class<?> mapping : configMappings()) {
      collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, defined);
    }
    Map<String, String> documented = documented();

    List<String> problems = new ArrayList<>();
    defined.forEach(
        (property, value) -> {
          if (!documented.containsKey(property)) {
            problems.add("missing row: | `" + property + "` | " + cell(value) + " | … |");
          } else if (!documented.get(property).equals(value)) {
            problems.add(
                property + ": README says " + documented.get(property) + ", the code " + value);
          }
        });
    documented.keySet().stream()
        .filter(property -> !defined.containsKey(property))
        .forEach(property -> problems.add(property + ": in README.md, defined nowhere"));
    if (!problems.isEmpty()) {
      fail(
          "README.md's configuration reference is out of date with the @ConfigMapping"
              + " interfaces:\n  "
              + String.join("\n  ", problems));
    }
  }

  /** Property name → default, "—" when it has none; groups nest, maps take any key. */
  private static void collect(String prefix, Class<?> group, Map<String, String> properties) {
    for (Method method : group.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
        continue;
      }
      WithName rename = method.getAnnotation(WithName.class);
      String name = prefix + "." + (rename != null ? rename.value() : kebab(method.getName()));
      Class<?> type = method.getReturnType();
      if (Map.class.isAssignableFrom(type)) {
        properties.put(name + ".*", NONE);
      } else if (type.isInterface() && !type.getName().startsWith("java.")) {
        collect(name, type, properties);
      } else {
        WithDefault value = method.getAnnotation(WithDefault.class);
        properties.put(name, value != null ? value.value() : NONE);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  /** Every interface of the main code annotated with {@code @ConfigMapping}. */
  private static List<Class<?>> configMappings() throws Exception {
    Path classes = Path.of("target/classes");
    List<Class<?>> mappings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes
                .relativize(file)
                .toString()
                .replace(".class", "")
                .replace(java.io.File.separatorChar, '.');
        Class<?> type =
            Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
        if (type.isAnnotationPresent(ConfigMapping.class)) {
          mappings.add(type);
        }
      }
    }
    assertFalse(mappings.isEmpty(), "no @ConfigMapping interface found in " + classes);
    return mappings;
  }

  /** The {@code orchestrator.*} rows of README.md's configuration reference. */
  private static Map<String, String> documented() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Configuration reference");
    int end = readme.indexOf("\n## ", start + 1);
    Map<String, String> rows = new TreeMap<>();
    for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        String value = row.group(2).trim();
        rows.put(row.group(1), value.equals(NONE) ? NONE : value.replaceAll("^`|`$", ""));
      }
    }
    return rows;
  }

  private static String cell(String value) {
    return value.equals(NONE) ? NONE : "`" + value + "`";
  }
}
