package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.account.IdempotentRequests;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Conversations/{conversationId}/Participants")
@Tag(name = "Participants")
public class ParticipantResource {
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final ParticipantService service;
  private final IdempotentRequests requests;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public ParticipantResource(
      ParticipantService service,
      IdempotentRequests requests,
      RequestValidation validation,
      CallerAccount caller) {
    this.service = service;
    this.requests = requests;
    this.validation = validation;
    this.caller = caller;
  }

  @POST
  @APIResponseSchema(
      value = ParticipantResponse.class,
      responseCode = "201",
      responseDescription = "Participant added")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> add(
      @PathParam("conversationId") String conversationId,
      ParticipantBody body,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body, ParticipantBody.OnCreate.class);
    ParticipantFactory.check(body, "");
    return requests.answer(
        key,
        "POST participants " + conversationId,
        body,
        account -> service.add(account, conversationId, body).map(p -> ApiReply.of(201, p)));
  }

  @GET
  @APIResponseSchema(ParticipantPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ParticipantPage> list(
      @PathParam("conversationId") String conversationId, @BeanParam PageParams paging) {
    return service
        .list(caller.sid(), conversationId, paging.query(Map.of()))
        .map(ParticipantPage::of);
  }

  @GET
  @Path("/{id}")
  @APIResponseSchema(ParticipantResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ParticipantResponse> fetch(
      @PathParam("conversationId") String conversationId, @PathParam("id") String id) {
    return service.fetch(caller.sid(), conversationId, id);
  }

  @PUT
  @Path("/{id}")
  @APIResponseSchema(
      value = ParticipantResponse.class,
      responseCode = "200",
      responseDescription = "Participant updated")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> update(
      @PathParam("conversationId") String conversationId,
      @PathParam("id") String id,
      ParticipantBody body,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body);
    ParticipantFactory.check(body, "");
    return requests.answer(
        key,
        "PUT participants " + conversationId + "/" + id,
        body,
        account -> service.update(account, conversationId, id, body).map(p -> ApiReply.of(200, p)));
  }

  /** Not in the contract; the hosted product's PARTICIPANT_REMOVED event implies it. */
  @DELETE
  @Path("/{id}")
  @APIResponseSchema(
      value = ParticipantResponse.class,
      responseCode = "200",
      responseDescription = "The removed participant")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> remove(
      @PathParam("conversationId") String conversationId,
      @PathParam("id") String id,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    return requests.answer(
        key,
        "DELETE participants " + conversationId + "/" + id,
        Map.of(),
        account -> service.remove(account, conversationId, id).map(p -> ApiReply.of(200, p)));
  }
}
