package io.conversationorchestrator.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.JsonErrors;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The Kafka path of results, for adapters that publish instead of calling: the same service method
 * as {@code POST …/Actions/{id}/Result}. A record that cannot be applied (bad JSON, no such action,
 * another outcome than the recorded one) goes to the dead-letter topic with the reason; a failure
 * of the service itself (PostgreSQL away) is retried.
 *
 * <p>Every attempt runs on one duplicated Vert.x context (the one the connector delivers the record
 * on, or a new one off a Vert.x thread), retries too: there {@link
 * io.conversationorchestrator.platform.Transactions} keeps the result's transaction, so work
 * joining it (the communication a COMPLETED result posts) is in it.
 */
@ApplicationScoped
public class ResultConsumer {
  private static final Logger LOG = Logger.getLogger(ResultConsumer.class);

  private final ActionResults actions;
  private final Validator validator;
  private final ObjectMapper json;
  private final Vertx vertx;

  public ResultConsumer(
      ActionResults actions, Validator validator, ObjectMapper json, Vertx vertx) {
    this.actions = actions;
    this.validator = validator;
    this.json = json;
    this.vertx = vertx;
  }

  @Incoming("action-results")
  public Uni<Void> consume(String record) {
    ResultRecord parsed = parse(record);
    ActionResult result = ResultChecks.check(parsed.result());
    Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
    Executor onContext = task -> context.runOnContext(ignored -> task.run());
    return Uni.createFrom()
        .deferred(
            () ->
                actions.report(
                    parsed.accountId(), parsed.conversationId(), parsed.actionId(), result))
        .runSubscriptionOn(onContext)
        .onFailure(e -> !(e instanceof ApiException))
        .invoke(e -> LOG.warnf("Applying an action result failed, retrying: %s", e.getMessage()))
        .onFailure(e -> !(e instanceof ApiException))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely()
        .replaceWithVoid();
  }

  private ResultRecord parse(String record) {
    ResultRecord parsed;
    try {
      parsed = json.readValue(record, ResultRecord.class);
    } catch (JsonProcessingException e) {
      throw JsonErrors.invalid(e);
    }
    if (parsed == null) {
      throw ApiException.invalid("The record is not a JSON object");
    }
    validator.validate(parsed).stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(
            v -> {
              throw ApiException.invalid(describe(v));
            });
    return parsed;
  }

  private static String describe(ConstraintViolation<ResultRecord> v) {
    return "Invalid value for '" + v.getPropertyPath() + "': " + v.getMessage();
  }
}
