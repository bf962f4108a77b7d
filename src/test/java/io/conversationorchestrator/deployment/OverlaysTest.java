package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.PRODUCTION_OVERLAYS;
import static io.conversationorchestrator.deployment.Manifests.overlayNames;
import static io.conversationorchestrator.deployment.Manifests.parse;
import static io.conversationorchestrator.deployment.Manifests.rendered;
import static io.conversationorchestrator.deployment.Manifests.secretTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.deployment.Manifests.Parsed;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every overlay under {@code k8s/overlays} (dev, prod, monitoring) renders with {@code kubectl
 * kustomize}, reads strictly with fabric8's model and follows every rule of {@link ManifestRules};
 * prod and monitoring follow the production rules as well.
 */
class OverlaysTest {

  @Test
  void theExpectedOverlaysExist() {
    assertThat(overlayNames()).contains("dev", "prod", "monitoring");
  }

  @TestFactory
  Stream<DynamicTest> everyOverlayRendersParsesStrictlyAndFollowsTheRules() {
    Secret template = secretTemplate();
    return overlayNames().stream()
        .map(
            overlay ->
                DynamicTest.dynamicTest(
                    overlay,
                    () -> {
                      Parsed parsed = rendered(overlay);
                      assertThat(parsed.problems())
                          .as(
                              "objects of overlay %s that do not match the Kubernetes model",
                              overlay)
                          .isEmpty();
                      assertThat(parsed.objects())
                          .as("rendered objects of %s", overlay)
                          .isNotEmpty();
                      List<String> violations =
                          ManifestRules.check(
                              parsed.objects(), PRODUCTION_OVERLAYS.contains(overlay), template);
                      assertThat(violations)
                          .as("rule violations in k8s/overlays/%s", overlay)
                          .isEmpty();
                    }));
  }

  /** An unknown field (a typo) is caught by the strict parse. */
  @Test
  void unknownFieldsAreRejected() throws IOException {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: typo
        spec:
          replicas: 2
          selector:
            matchLabels: {app: typo}
          template:
            metadata:
              labels: {app: typo}
            spec:
              containers:
                - name: app
                  image: example/app:1.0.0
                  readinesProbe:
                    httpGet: {path: /q/health/ready, port: 8080}
        """;
    Parsed parsed = parse(yaml);
    assertThat(parsed.problems())
        .anyMatch(p -> p.contains("spec.template.spec.containers[0].readinesProbe"));
  }
}
