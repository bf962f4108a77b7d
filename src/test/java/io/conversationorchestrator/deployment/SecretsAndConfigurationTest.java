package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.JSON;
import static io.conversationorchestrator.deployment.Manifests.K8S;
import static io.conversationorchestrator.deployment.Manifests.SERIALIZATION;
import static io.conversationorchestrator.deployment.Manifests.allContainers;
import static io.conversationorchestrator.deployment.Manifests.everyOverlay;
import static io.conversationorchestrator.deployment.Manifests.nullSafe;
import static io.conversationorchestrator.deployment.Manifests.ofType;
import static io.conversationorchestrator.deployment.Manifests.readYamlDocuments;
import static io.conversationorchestrator.deployment.Manifests.rendered;
import static io.conversationorchestrator.deployment.Manifests.secretKeys;
import static io.conversationorchestrator.deployment.Manifests.secretTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.deployment.Manifests.Parsed;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Secrets under {@code k8s/} hold only placeholders; the environment comes from rendered ConfigMaps
 * and from the keys of {@code k8s/base/secret.template.yaml}, and nothing secret-looking sits in a
 * ConfigMap or a plain value.
 */
class SecretsAndConfigurationTest {

  @Test
  void everySecretUnderK8sHoldsOnlyPlaceholders() throws IOException {
    List<Path> yamlFiles;
    try (Stream<Path> files = Files.walk(K8S)) {
      yamlFiles =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    List<String> violations = new ArrayList<>();
    int secrets = 0;
    for (Path file : yamlFiles) {
      for (JsonNode doc : readYamlDocuments(Files.readString(file))) {
        if ("Secret".equals(doc.path("kind").asText())) {
          secrets++;
          Secret secret = SERIALIZATION.unmarshal(JSON.writeValueAsString(doc), Secret.class);
          violations.addAll(Strictness.unknownFields(secret, K8S.relativize(file).toString()));
          violations.addAll(ManifestRules.secretValues(secret));
        }
      }
    }
    assertThat(secrets).as("Secret documents found under k8s/").isPositive();
    assertThat(violations).isEmpty();
  }

  @Test
  void secretTemplateProvidesExactlyTheKeysTheDeploymentReads() {
    Secret template = secretTemplate();
    Parsed prod = rendered("prod");
    Set<String> referenced = new TreeSet<>();
    for (Deployment deployment : ofType(prod.objects(), Deployment.class)) {
      for (Container container : allContainers(deployment.getSpec().getTemplate().getSpec())) {
        for (EnvVar env : nullSafe(container.getEnv())) {
          if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
            referenced.add(env.getValueFrom().getSecretKeyRef().getKey());
          }
        }
      }
    }
    assertThat(referenced).isEqualTo(new TreeSet<>(secretKeys(template)));
  }

  @TestFactory
  Stream<DynamicTest> everyOverlayTakesItsSettingsFromConfigMapsAndTheSecretTemplate() {
    Secret template = secretTemplate();
    return everyOverlay(
        "configuration and secret",
        (objects, production) ->
            ManifestRules.configurationAndSecrets(objects, production, template));
  }
}
