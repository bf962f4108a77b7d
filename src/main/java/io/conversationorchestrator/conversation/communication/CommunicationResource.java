package io.conversationorchestrator.conversation.communication;

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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Conversations/{conversationId}/Communications")
@Tag(name = "Communications")
public class CommunicationResource {
  private final CommunicationService service;
  private final IdempotentRequests requests;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public CommunicationResource(
      CommunicationService service,
      IdempotentRequests requests,
      RequestValidation validation,
      CallerAccount caller) {
    this.service = service;
    this.requests = requests;
    this.validation = validation;
    this.caller = caller;
  }

  /** 201 when created; 200 when an existing communication with this resourceId was updated. */
  @POST
  @APIResponseSchema(
      value = CommunicationResponse.class,
      responseCode = "201",
      responseDescription = "Communication created")
  @APIResponse(
      responseCode = "200",
      description = "An existing communication with this resourceId was updated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CommunicationResponse.class)))
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> post(
      @PathParam("conversationId") String conversationId,
      CommunicationBody body,
      @RestHeader("Idempotency-Key") String key) {
    validation.check(body);
    return requests.answer(
        key,
        "POST communications " + conversationId,
        body,
        account ->
            service
                .post(account, conversationId, body)
                .map(posted -> ApiReply.of(posted.status(), posted.communication())));
  }

  @GET
  @APIResponseSchema(CommunicationPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<CommunicationPage> list(
      @PathParam("conversationId") String conversationId,
      @BeanParam PageParams paging,
      @RestQuery @Parameter(description = "Only items on this channel") String channelId) {
    Map<String, List<String>> filters =
        Map.of("channelId", channelId == null ? List.of() : List.of(channelId));
    return service
        .list(caller.sid(), conversationId, paging.query(filters))
        .map(CommunicationPage::of);
  }

  @GET
  @Path("/{id}")
  @APIResponseSchema(CommunicationResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<CommunicationResponse> fetch(
      @PathParam("conversationId") String conversationId, @PathParam("id") String id) {
    return service.fetch(caller.sid(), conversationId, id);
  }
}
