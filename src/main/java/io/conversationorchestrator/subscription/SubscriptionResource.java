package io.conversationorchestrator.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.account.IdempotentRequests;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** Not in the contract: URLs that receive the events of the account's conversations. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v2/Subscriptions")
@Tag(name = "Subscriptions")
public class SubscriptionResource {
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final SubscriptionService service;
  private final IdempotentRequests requests;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public SubscriptionResource(
      SubscriptionService service,
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
      value = SubscriptionResponse.class,
      responseCode = "201",
      responseDescription = "Subscription created")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> create(SubscriptionBody body, @RestHeader(IDEMPOTENCY_KEY) String key) {
    validation.check(body);
    return requests.answerInSession(
        key, "POST subscriptions", body, account -> service.create(account, body));
  }

  @GET
  @APIResponseSchema(SubscriptionPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  public Uni<SubscriptionPage> list(@BeanParam PageParams paging) {
    return service.list(caller.sid(), paging.query(Map.of())).map(SubscriptionPage::of);
  }

  @GET
  @Path("/{id}")
  @APIResponseSchema(SubscriptionResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<SubscriptionResponse> fetch(@PathParam("id") String id) {
    return service.fetch(caller.sid(), id);
  }

  @PATCH
  @Path("/{id}")
  @APIResponseSchema(
      value = SubscriptionResponse.class,
      responseCode = "200",
      responseDescription = "Subscription updated")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<Response> patch(
      @PathParam("id") String id,
      @RequestBody(
              description = ApiDocs.PATCH_BODY,
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = ApiDocs.SUBSCRIPTION_PATCH)))
          JsonNode body,
      @RestHeader(IDEMPOTENCY_KEY) String key) {
    return requests.answerInSession(
        key, "PATCH subscriptions/" + id, body, account -> service.patch(account, id, body));
  }

  @DELETE
  @Path("/{id}")
  @APIResponseSchema(
      value = SubscriptionResponse.class,
      responseCode = "200",
      responseDescription = "Subscription deleted; the body is what it was")
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<Response> delete(@PathParam("id") String id, @RestHeader(IDEMPOTENCY_KEY) String key) {
    return requests.answerInSession(
        key, "DELETE subscriptions/" + id, Map.of(), account -> service.delete(account, id));
  }
}
