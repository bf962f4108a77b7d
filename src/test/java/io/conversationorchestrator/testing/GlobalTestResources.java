package io.conversationorchestrator.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link InfrastructureResource} once for the whole suite. Not restricted to an annotated
 * class, so every {@code @QuarkusTest} (without a test profile) shares one application boot; test
 * classes must not register it again.
 */
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
final class GlobalTestResources {
  private GlobalTestResources() {}
}
