package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.everyOverlay;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Liveness, readiness and startup probes GET the Quarkus health paths; rollouts keep every pod
 * (maxUnavailable 0) and the termination grace period covers the shutdown delay and timeout.
 */
class ProbesAndShutdownTest {

  @TestFactory
  Stream<DynamicTest> everyOverlayProbesHealthAndShutsDownWithinTheGracePeriod() {
    return everyOverlay(
        "probe and shutdown", (objects, production) -> ManifestRules.probesAndShutdown(objects));
  }
}
