package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.K8S;
import static io.conversationorchestrator.deployment.Manifests.checkMutated;
import static io.conversationorchestrator.deployment.Manifests.copyTree;
import static io.conversationorchestrator.deployment.Manifests.editYaml;
import static io.conversationorchestrator.deployment.Manifests.firstContainer;
import static io.conversationorchestrator.deployment.Manifests.parse;
import static io.conversationorchestrator.deployment.Manifests.render;
import static io.conversationorchestrator.deployment.Manifests.rendered;
import static io.conversationorchestrator.deployment.Manifests.secretTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conversationorchestrator.deployment.Manifests.Parsed;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules bite: each mutation of the valid rendered prod overlay is reported, and so is a broken
 * copy of the manifests through the whole render-and-parse pipeline.
 */
class RuleMutationsTest {
  static final String IMAGE = "ghcr.io/conversation-orchestrator/conversation-orchestrator";

  @Test
  void theRenderedProdOverlayFollowsEveryRule() {
    assertThat(ManifestRules.check(rendered("prod").objects(), true, secretTemplate())).isEmpty();
  }

  /** Mutation of the prod overlay's Deployment, production rules or not, and what is reported. */
  static Stream<Arguments> deploymentMutations() {
    return Stream.of(
        row(
            "readiness probe removed",
            true,
            d -> firstContainer(d).setReadinessProbe(null),
            "has no readinessProbe"),
        row(
            "startup probe removed",
            true,
            d -> firstContainer(d).setStartupProbe(null),
            "has no startupProbe"),
        row(
            "liveness probe on the readiness path",
            true,
            d -> firstContainer(d).getLivenessProbe().getHttpGet().setPath("/q/health/ready"),
            "livenessProbe must GET /q/health/live"),
        row(
            "memory limit removed",
            true,
            d -> firstContainer(d).getResources().getLimits().remove("memory"),
            "has no memory limit"),
        row(
            "cpu request removed",
            true,
            d -> firstContainer(d).getResources().getRequests().remove("cpu"),
            "has no cpu request"),
        row(
            "image tag latest",
            false,
            d -> firstContainer(d).setImage(IMAGE + ":latest"),
            "must not use the tag 'latest'"),
        row("image without tag", false, d -> firstContainer(d).setImage(IMAGE), "has no tag"),
        row(
            "writable root filesystem",
            false,
            d -> firstContainer(d).getSecurityContext().setReadOnlyRootFilesystem(false),
            "readOnlyRootFilesystem"),
        row(
            "may run as root",
            false,
            d -> {
              firstContainer(d).getSecurityContext().setRunAsNonRoot(null);
              d.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(false);
            },
            "runAsNonRoot"),
        row(
            "password as a plain value",
            false,
            d ->
                firstContainer(d)
                    .getEnv()
                    .add(new EnvVarBuilder().withName("DB_PASSWORD").withValue("hunter2").build()),
            "DB_PASSWORD",
            "plain value"),
        row("one replica", true, d -> d.getSpec().setReplicas(1), "at least 2 replicas"));
  }

  private static Arguments row(
      String mutation, boolean production, Consumer<Deployment> change, String... reported) {
    return Arguments.of(mutation, production, change, List.of(reported));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentMutations")
  void aMutatedDeploymentIsReported(
      String mutation, boolean production, Consumer<Deployment> change, List<String> reported) {
    assertThat(checkMutated(rendered("prod").objects(), secretTemplate(), change, production))
        .anyMatch(v -> reported.stream().allMatch(v::contains));
  }

  @Test
  void productionWithoutPdbAndHpaIsReported() {
    List<HasMetadata> withoutPdbAndHpa =
        rendered("prod").objects().stream()
            .filter(
                o -> !(o instanceof PodDisruptionBudget) && !(o instanceof HorizontalPodAutoscaler))
            .toList();
    assertThat(ManifestRules.check(withoutPdbAndHpa, true, secretTemplate()))
        .anyMatch(v -> v.contains("PodDisruptionBudget"))
        .anyMatch(v -> v.contains("HorizontalPodAutoscaler"));
  }

  @Test
  void aSecretWithARealValueIsReported() {
    List<HasMetadata> withRealSecret = new ArrayList<>(rendered("prod").objects());
    withRealSecret.add(
        new SecretBuilder()
            .withNewMetadata()
            .withName("leaked")
            .endMetadata()
            .addToStringData("QUARKUS_DATASOURCE_PASSWORD", "s3cr3t")
            .build());
    assertThat(ManifestRules.check(withRealSecret, true, secretTemplate()))
        .anyMatch(v -> v.contains("Secret leaked") && v.contains("placeholder"));
  }

  /**
   * The whole pipeline bites: a temporary copy of {@code k8s/} whose Deployment lost its liveness
   * probe and its memory limit renders, parses, and is reported.
   */
  @Test
  void brokenCopyOfTheManifestsIsReported(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("k8s");
    copyTree(K8S, copy);
    editYaml(
        copy.resolve("base/deployment.yaml"),
        doc -> {
          ObjectNode container = (ObjectNode) doc.at("/spec/template/spec/containers/0");
          container.remove("livenessProbe");
          ((ObjectNode) container.at("/resources/limits")).remove("memory");
        });
    editYaml(
        copy.resolve("overlays/prod/deployment-patch.yaml"),
        doc ->
            ((ObjectNode) doc.at("/spec/template/spec/containers/0/resources/limits"))
                .remove("memory"));

    Parsed parsed = parse(render(copy.resolve("overlays/prod")));
    assertThat(parsed.problems()).isEmpty();
    List<String> violations = ManifestRules.check(parsed.objects(), true, secretTemplate());
    System.out.println(
        "Violations found in the broken copy:\n  " + String.join("\n  ", violations));
    assertThat(violations)
        .anyMatch(v -> v.contains("has no livenessProbe"))
        .anyMatch(v -> v.contains("has no memory limit"));
  }
}
