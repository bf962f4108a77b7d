package io.conversationorchestrator.console;

import io.conversationorchestrator.platform.VertxContexts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Server-sent events for live pages: every interval the page's fragment is rendered again from the
 * database, and a digest of it is sent when it changed; the page then fetches the fragment. Polling
 * PostgreSQL (not an in-process bus) makes a change made on any replica show on every replica.
 */
@ApplicationScoped
public class LiveUpdates {
  private final ConsoleConfig config;

  public LiveUpdates(ConsoleConfig config) {
    this.config = config;
  }

  /** Must be called on the request's Vert.x context: the renders run there (Hibernate Reactive). */
  public Multi<String> changes(Supplier<Uni<String>> render) {
    Executor context = VertxContexts.current();
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(config.liveInterval())
        .onOverflow()
        .drop()
        .emitOn(context)
        .onItem()
        .transformToUniAndConcatenate(tick -> render.get().onFailure().recoverWithItem("failed"))
        .map(LiveUpdates::digest)
        .skip()
        .repetitions();
  }

  private static String digest(String html) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
