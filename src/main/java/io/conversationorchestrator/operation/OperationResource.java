package io.conversationorchestrator.operation;

import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/ControlPlane/Operations")
@Tag(name = "Operations")
public class OperationResource {
  private final OperationRepository repository;
  private final CallerAccount caller;

  public OperationResource(OperationRepository repository, CallerAccount caller) {
    this.repository = repository;
    this.caller = caller;
  }

  @GET
  @Path("/{operationId}")
  @WithSession
  @APIResponseSchema(OperationResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<OperationResponse> fetch(
      @PathParam("operationId") String operationId, @Context UriInfo uri) {
    UUID id = ResourceType.OPERATION.parseOrNotFound(operationId);
    return repository
        .findOwned(caller.sid(), id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.OPERATION, operationId))
        .map(op -> toResponse(op, operationId, uri));
  }

  private static OperationResponse toResponse(OperationEntity op, String id, UriInfo uri) {
    return new OperationResponse(
        id,
        op.status,
        op.createdAt,
        op.completedAt,
        Operations.statusUrl(uri.getBaseUri(), id),
        op.error,
        op.related);
  }
}
