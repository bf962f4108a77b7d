package io.conversationorchestrator;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. Before Quarkus starts it turns off two checks that answer a bare 400 (no error
 * body): Quarkus' {@code java.net.URI} check of the request target and Vert.x's header check.
 * {@code api.RequestGuard} makes both, more strictly, and answers with the contract's error body.
 * (Tests set the same properties in the build.)
 */
@QuarkusMain
public final class Main {
  private Main() {}

  public static void main(String... args) {
    System.setProperty("vertx.disableURIValidation", "true");
    System.setProperty("vertx.disableHttpHeadersValidation", "true");
    Quarkus.run(args);
  }
}
