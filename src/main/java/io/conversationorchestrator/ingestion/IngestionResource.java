package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Not in the contract: passive ingestion for channel adapters. 201 when a conversation or a
 * communication was created, 200 when an existing communication was updated or a call event
 * attached to an existing conversation; 422 when capture rules do not take the traffic.
 */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Ingest/Communications")
@Tag(name = "Ingestion")
public class IngestionResource {
  private final IngestionService service;
  private final IngestChecks checks;
  private final Idempotency idempotency;
  private final CallerAccount caller;

  public IngestionResource(
      IngestionService service,
      IngestChecks checks,
      Idempotency idempotency,
      CallerAccount caller) {
    this.service = service;
    this.checks = checks;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  public Uni<Response> ingest(IngestBody body, @RestHeader("Idempotency-Key") String key) {
    checks.check(body);
    String account = caller.sid();
    return idempotency
        .execute(
            account,
            key,
            "POST ingest",
            body,
            () ->
                service
                    .ingest(account, body)
                    .map(
                        r ->
                            ApiReply.of(
                                r.conversationCreated() || r.communicationCreated() ? 201 : 200,
                                r)))
        .map(ApiReply::toResponse);
  }
}
