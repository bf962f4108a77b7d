package io.conversationorchestrator.callback;

import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Not in the contract: what happened to a conversation's status callbacks, and a way to resend. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Conversations/{conversationId}/CallbackDeliveries")
@Tag(name = "Callback deliveries")
public class CallbackDeliveryResource {
  private final CallbackDeliveryService service;
  private final CallerAccount caller;

  public CallbackDeliveryResource(CallbackDeliveryService service, CallerAccount caller) {
    this.service = service;
    this.caller = caller;
  }

  @GET
  @APIResponseSchema(CallbackDeliveryPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<CallbackDeliveryPage> list(
      @PathParam("conversationId") String conversationId, @BeanParam PageParams paging) {
    return service
        .list(caller.sid(), conversationId, paging.query(Map.of()))
        .map(CallbackDeliveryPage::of);
  }

  @POST
  @Path("/{deliveryId}/Redeliver")
  @APIResponseSchema(CallbackDeliveryResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<CallbackDeliveryResponse> redeliver(
      @PathParam("conversationId") String conversationId, @PathParam("deliveryId") String id) {
    return service.redeliver(caller.sid(), conversationId, id);
  }
}
