package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.everyOverlay;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Strimzi KafkaTopics and Prometheus Operator ServiceMonitors, which fabric8's model does not know,
 * are checked field by field; in production every topic the configuration names has a KafkaTopic
 * with at least 3 replicas.
 */
class StrimziAndMonitoringTest {

  @TestFactory
  Stream<DynamicTest> everyOverlayDeclaresValidTopicsAndServiceMonitors() {
    return everyOverlay("KafkaTopic and ServiceMonitor", ManifestRules::customResources);
  }
}
