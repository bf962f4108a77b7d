package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.everyOverlay;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Production runs at least two replicas spread over zones and hosts, with a PodDisruptionBudget and
 * a HorizontalPodAutoscaler (minReplicas >= 2); selectors, Services, PDBs and HPAs all find their
 * Deployment.
 */
class AvailabilityTest {

  @TestFactory
  Stream<DynamicTest> everyOverlaySpreadsScalesAndKeepsItsPods() {
    return everyOverlay("availability", ManifestRules::availability);
  }
}
