package io.conversationorchestrator.action;

import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.account.IdempotentRequests;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Conversations/{conversationId}/Actions")
@Tag(name = "Actions")
public class ActionResource {
  private final ActionService service;
  private final ActionResults results;
  private final IdempotentRequests requests;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public ActionResource(
      ActionService service,
      ActionResults results,
      IdempotentRequests requests,
      RequestValidation validation,
      CallerAccount caller) {
    this.service = service;
    this.results = results;
    this.requests = requests;
    this.validation = validation;
    this.caller = caller;
  }

  /** 202: the action is PENDING and its command is on its way to the channel's adapter. */
  @POST
  @APIResponseSchema(
      value = ActionResponse.class,
      responseCode = "202",
      responseDescription = "Accepted: the action is PENDING until the adapter reports")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> create(
      @PathParam("conversationId") String conversationId,
      ActionBody body,
      @RestHeader("Idempotency-Key") String key) {
    validation.check(body);
    SendMessageChecks.check(body.payload());
    return requests.answer(
        key,
        "POST actions " + conversationId,
        body,
        account ->
            service.create(account, conversationId, body).map(action -> ApiReply.of(202, action)));
  }

  /** Not in the contract: the conversation's actions, oldest first. */
  @GET
  @APIResponseSchema(ActionPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ActionPage> list(
      @PathParam("conversationId") String conversationId, @BeanParam PageParams paging) {
    return service.list(caller.sid(), conversationId, paging.query(Map.of())).map(ActionPage::of);
  }

  @GET
  @Path("/{id}")
  @APIResponseSchema(ActionResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ActionResponse> fetch(
      @PathParam("conversationId") String conversationId, @PathParam("id") String id) {
    return service.fetch(caller.sid(), conversationId, id);
  }

  /**
   * Not in the contract: how a channel adapter reports what became of an action. The same outcome
   * again answers 200 with the action unchanged; another outcome after it ended is a 409.
   */
  @POST
  @Path("/{id}/Result")
  @Operation(summary = "Report an action's outcome (for channel adapters)")
  @APIResponseSchema(
      value = ActionResponse.class,
      responseCode = "200",
      responseDescription = "The action as it now is")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<ActionResponse> report(
      @PathParam("conversationId") String conversationId,
      @PathParam("id") String id,
      ActionResult body) {
    ResultChecks.check(validation.check(body));
    return results.report(caller.sid(), conversationId, id, body);
  }
}
