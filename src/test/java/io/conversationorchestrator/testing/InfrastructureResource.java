package io.conversationorchestrator.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives every {@code @QuarkusTest} the shared PostgreSQL and Kafka; see {@link TestInfrastructure}.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    TestInfrastructure.start();
    return TestInfrastructure.quarkusConfig();
  }

  @Override
  public void stop() {
    TestInfrastructure.stop();
  }
}
