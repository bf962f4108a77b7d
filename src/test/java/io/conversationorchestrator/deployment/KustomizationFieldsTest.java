package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.K8S;
import static io.conversationorchestrator.deployment.Manifests.readYamlDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No kustomization under {@code k8s/} uses a field kustomize v5 deprecates. Read as plain YAML, so
 * the rule holds whatever kubectl renders the overlays (OverlaysTest renders them and fails on any
 * warning kubectl prints).
 */
class KustomizationFieldsTest {
  static final Set<String> DEPRECATED =
      Set.of(
          "bases", "patchesStrategicMerge", "patchesJson6902", "commonLabels", "vars", "imageTags");

  @Test
  void noKustomizationUsesADeprecatedField() throws IOException {
    List<Path> kustomizations = kustomizations();
    assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(4);
    List<String> found = new ArrayList<>();
    for (Path file : kustomizations) {
      for (JsonNode doc : readYamlDocuments(Files.readString(file))) {
        doc.fieldNames()
            .forEachRemaining(
                field -> {
                  if (DEPRECATED.contains(field)) {
                    found.add(K8S.relativize(file) + ": " + field);
                  }
                });
      }
    }
    assertThat(found).as("deprecated kustomization fields").isEmpty();
  }

  private static List<Path> kustomizations() throws IOException {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
    }
  }
}
