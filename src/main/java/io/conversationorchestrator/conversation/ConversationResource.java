package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.idempotency.Idempotency;
import io.conversationorchestrator.api.paging.PageParams;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.conversation.participant.ParticipantFactory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Conversations")
@Tag(name = "Conversations")
public class ConversationResource {
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final ConversationService service;
  private final ConversationUpdates updates;
  private final Idempotency idempotency;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public ConversationResource(
      ConversationService service,
      ConversationUpdates updates,
      Idempotency idempotency,
      RequestValidation validation,
      CallerAccount caller) {
    this.service = service;
    this.updates = updates;
    this.idempotency = idempotency;
    this.validation = validation;
    this.caller = caller;
  }

  @POST
  public Uni<Response> create(
      CreateConversationBody body, @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body);
    if (body.metadata() != null) {
      Metadata.check(body.metadata());
    }
    if (body.participants() != null) {
      for (int i = 0; i < body.participants().size(); i++) {
        ParticipantFactory.check(body.participants().get(i), "participants[" + i + "].");
      }
    }
    String account = caller.sid();
    return idempotency
        .execute(
            account,
            key,
            "POST conversations",
            body,
            () -> service.create(account, body).map(c -> ApiReply.of(201, c)))
        .map(ApiReply::toResponse);
  }

  @GET
  public Uni<ConversationPage> list(
      @BeanParam PageParams paging, @RestQuery List<String> status, @RestQuery String channelId) {
    for (String value : status) {
      if (!List.of("ACTIVE", "INACTIVE", "CLOSED").contains(value)) {
        throw ApiException.invalid(
            "Invalid value for 'status': expected one of " + List.of(ConversationStatus.values()));
      }
    }
    List<String> statuses = status.stream().distinct().sorted().toList();
    Map<String, List<String>> filters =
        Map.of("status", statuses, "channelId", channelId == null ? List.of() : List.of(channelId));
    return service.list(caller.sid(), paging.query(filters)).map(ConversationPage::of);
  }

  @GET
  @Path("/{id}")
  public Uni<ConversationResponse> fetch(@PathParam("id") String id) {
    return service.fetch(caller.sid(), id);
  }

  @PUT
  @Path("/{id}")
  public Uni<Response> replace(
      @PathParam("id") String id,
      ReplaceConversationBody body,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body);
    String account = caller.sid();
    return idempotency
        .execute(
            account,
            key,
            "PUT conversations/" + id,
            body,
            () -> updates.replace(account, id, body).map(c -> ApiReply.of(200, c)))
        .map(ApiReply::toResponse);
  }

  @PATCH
  @Path("/{id}")
  public Uni<Response> patch(
      @PathParam("id") String id, JsonNode body, @RestHeader(IDEMPOTENCY_KEY) String key) {
    String account = caller.sid();
    return idempotency
        .execute(
            account,
            key,
            "PATCH conversations/" + id,
            body,
            () -> updates.patch(account, id, body).map(c -> ApiReply.of(200, c)))
        .map(ApiReply::toResponse);
  }

  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(
      @PathParam("id") String id, @RestHeader(IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
    String account = caller.sid();
    return idempotency
        .execute(
            account,
            key,
            "DELETE conversations/" + id,
            Map.of(),
            () -> updates.delete(account, id, uri.getBaseUri()))
        .map(ApiReply::toResponse);
  }
}
