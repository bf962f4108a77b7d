package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.everyOverlay;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every container has cpu and memory requests and limits, a pinned image (a release version in
 * production), runs as non-root on a read-only root filesystem with an emptyDir at /tmp, drops all
 * capabilities, and no pod or ServiceAccount mounts the API token.
 */
class ResourcesAndSecurityTest {

  @TestFactory
  Stream<DynamicTest> everyOverlayLimitsAndLocksDownItsContainers() {
    return everyOverlay("resource and security", ManifestRules::resourcesAndSecurity);
  }
}
