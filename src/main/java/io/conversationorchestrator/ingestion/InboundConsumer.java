package io.conversationorchestrator.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.account.AccountRepository;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.JsonErrors;
import io.conversationorchestrator.platform.Transactions;
import io.conversationorchestrator.platform.VertxContexts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The Kafka path of ingestion: the same routing as the REST path, for channel adapters that publish
 * instead of calling. A record that cannot be routed (bad JSON, a rule refused it, no such account)
 * fails and goes to the dead-letter topic with the reason; a failure of the service itself
 * (PostgreSQL away) is retried, so good records are never dead-lettered for it.
 */
@ApplicationScoped
public class InboundConsumer {
  private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

  private final IngestionService ingestion;
  private final IngestChecks checks;
  private final AccountRepository accounts;
  private final Transactions transactions;
  private final ObjectMapper json;

  public InboundConsumer(
      IngestionService ingestion,
      IngestChecks checks,
      AccountRepository accounts,
      Transactions transactions,
      ObjectMapper json) {
    this.transactions = transactions;
    this.ingestion = ingestion;
    this.checks = checks;
    this.accounts = accounts;
    this.json = json;
  }

  @Incoming("communications-inbound")
  public Uni<Void> consume(String record) {
    IngestBody body = checks.check(parse(record));
    if (body.accountId() == null) {
      throw ApiException.invalid("Invalid value for 'accountId': required on the Kafka path");
    }
    Executor context = VertxContexts.current();
    return Uni.createFrom()
        .deferred(() -> accountExists(body.accountId()))
        .chain(() -> ingestion.ingest(body.accountId(), body))
        .runSubscriptionOn(context)
        .onFailure(e -> !(e instanceof ApiException))
        .invoke(e -> LOG.warnf("Ingesting a record failed, retrying: %s", e.getMessage()))
        .onFailure(e -> !(e instanceof ApiException))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely()
        .replaceWithVoid();
  }

  Uni<Void> accountExists(String accountSid) {
    return transactions
        .reading(c -> accounts.exists(c, accountSid))
        .invoke(
            found -> {
              if (!found) {
                throw ApiException.invalid("No account " + accountSid);
              }
            })
        .replaceWithVoid();
  }

  private IngestBody parse(String record) {
    try {
      return json.readValue(record, IngestBody.class);
    } catch (JsonProcessingException e) {
      throw JsonErrors.invalid(e);
    }
  }
}
