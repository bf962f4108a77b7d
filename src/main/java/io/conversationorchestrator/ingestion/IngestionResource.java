package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.account.IdempotentRequests;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiReply;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
  private final IdempotentRequests requests;

  public IngestionResource(
      IngestionService service, IngestChecks checks, IdempotentRequests requests) {
    this.service = service;
    this.checks = checks;
    this.requests = requests;
  }

  @POST
  @APIResponseSchema(
      value = IngestResult.class,
      responseCode = "201",
      responseDescription = "A conversation or a communication was created")
  @APIResponse(
      responseCode = "200",
      description = "Routed; nothing new was created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = IngestResult.class)))
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> ingest(IngestBody body, @RestHeader("Idempotency-Key") String key) {
    checks.check(body);
    return requests.answer(
        key,
        "POST ingest",
        body,
        account ->
            service
                .ingest(account, body)
                .map(
                    r ->
                        ApiReply.of(
                            r.conversationCreated() || r.communicationCreated() ? 201 : 200, r)));
  }
}
