package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.account.IdempotentRequests;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
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
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
  private final IdempotentRequests requests;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public ConversationResource(
      ConversationService service,
      ConversationUpdates updates,
      IdempotentRequests requests,
      RequestValidation validation,
      CallerAccount caller) {
    this.service = service;
    this.updates = updates;
    this.requests = requests;
    this.validation = validation;
    this.caller = caller;
  }

  @POST
  @APIResponseSchema(
      value = ConversationResponse.class,
      responseCode = "201",
      responseDescription = "Conversation created")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> create(
      CreateConversationBody body, @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body);
    body.checkConfiguration();
    if (body.metadata() != null) {
      Metadata.check(body.metadata());
    }
    if (body.participants() != null) {
      for (int i = 0; i < body.participants().size(); i++) {
        ParticipantFactory.check(body.participants().get(i), "participants[" + i + "].");
      }
    }
    return requests.answer(
        key,
        "POST conversations",
        body,
        account -> service.create(account, body).map(c -> ApiReply.of(201, c)));
  }

  @GET
  @APIResponseSchema(ConversationPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  public Uni<ConversationPage> list(
      @BeanParam PageParams paging,
      @RestQuery
          @Parameter(
              description =
                  "Only conversations in one of these statuses: repeated (status=ACTIVE&status="
                      + "INACTIVE), comma-joined (status=ACTIVE,INACTIVE) or both",
              schema = @Schema(type = SchemaType.ARRAY, implementation = ConversationStatus.class))
          List<String> status,
      @RestQuery @Parameter(description = "Only items on this channel") String channelId) {
    List<String> statuses = statuses(status);
    Map<String, List<String>> filters =
        Map.of("status", statuses, "channelId", channelId == null ? List.of() : List.of(channelId));
    return service.list(caller.sid(), paging.query(filters)).map(ConversationPage::of);
  }

  /**
   * The distinct statuses of the repeated and comma-joined {@code status} parameters, sorted (so a
   * page token's filter does not depend on their order); 400 naming a value that is none.
   */
  private static List<String> statuses(List<String> parameters) {
    List<String> known = Stream.of(ConversationStatus.values()).map(Enum::name).toList();
    List<String> values = parameters.stream().flatMap(p -> Stream.of(p.split(",", -1))).toList();
    for (String value : values) {
      if (!known.contains(value)) {
        throw ApiException.invalid(
            "Invalid value for 'status': '" + value + "' is not one of " + known);
      }
    }
    return values.stream().distinct().sorted().toList();
  }

  @GET
  @Path("/{id}")
  @APIResponseSchema(ConversationResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ConversationResponse> fetch(@PathParam("id") String id) {
    return service.fetch(caller.sid(), id);
  }

  @PUT
  @Path("/{id}")
  @APIResponseSchema(
      value = ConversationResponse.class,
      responseCode = "200",
      responseDescription = "Conversation updated")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> replace(
      @PathParam("id") String id,
      ReplaceConversationBody body,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body);
    return requests.answer(
        key,
        "PUT conversations/" + id,
        body,
        account -> updates.replace(account, id, body).map(c -> ApiReply.of(200, c)));
  }

  @PATCH
  @Path("/{id}")
  @APIResponseSchema(
      value = ConversationResponse.class,
      responseCode = "200",
      responseDescription = "Conversation updated")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> patch(
      @PathParam("id") String id,
      @RequestBody(
              description = ApiDocs.PATCH_BODY,
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = ApiDocs.CONVERSATION_PATCH)))
          JsonNode body,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    return requests.answer(
        key,
        "PATCH conversations/" + id,
        body,
        account -> updates.patch(account, id, body).map(c -> ApiReply.of(200, c)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "202", ref = ApiDocs.ACCEPTED_RESPONSE)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<Response> delete(
      @PathParam("id") String id, @RestHeader(IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
    return requests.answer(
        key,
        "DELETE conversations/" + id,
        Map.of(),
        account -> updates.delete(account, id, uri.getBaseUri()));
  }
}
