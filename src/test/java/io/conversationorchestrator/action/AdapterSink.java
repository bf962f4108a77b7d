package io.conversationorchestrator.action;

import io.conversationorchestrator.support.CallbackSink;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The SMS adapter of the tests: a sink configured as the SMS sender for the whole suite (a global
 * resource, so every {@code @QuarkusTest} still shares one boot). WHATSAPP has no sender.
 */
@QuarkusTestResource(value = AdapterSink.class, restrictToAnnotatedClass = false)
public class AdapterSink implements QuarkusTestResourceLifecycleManager {
  static final String SMS_PATH = "/senders/sms";
  private static CallbackSink sink;

  /** The sink the service sends SMS commands to (same class loader as the tests). */
  static synchronized CallbackSink sms() {
    return sink;
  }

  @Override
  public synchronized Map<String, String> start() {
    try {
      sink = new CallbackSink();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("orchestrator.actions.senders.SMS", sink.url(SMS_PATH));
  }

  @Override
  public synchronized void stop() {
    sink.close();
  }
}
