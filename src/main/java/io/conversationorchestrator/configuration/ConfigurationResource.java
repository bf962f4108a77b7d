package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.account.CallerAccount;
import io.conversationorchestrator.account.IdempotentRequests;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.paging.PageParams;
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
@Path("/v2/ControlPlane/Configurations")
@Tag(name = "Configurations")
public class ConfigurationResource {
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final ConfigurationService service;
  private final IdempotentRequests requests;
  private final RequestValidation validation;
  private final CallerAccount caller;

  public ConfigurationResource(
      ConfigurationService service,
      IdempotentRequests requests,
      RequestValidation validation,
      CallerAccount caller) {
    this.service = service;
    this.requests = requests;
    this.validation = validation;
    this.caller = caller;
  }

  @POST
  @APIResponse(responseCode = "202", ref = ApiDocs.ACCEPTED_RESPONSE)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> create(
      ConfigurationBody body, @RestHeader(IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
    validation.check(body, ConfigurationBody.OnCreate.class);
    return requests.answerInSession(
        key,
        "POST configurations",
        body,
        account -> service.create(account, body, uri.getBaseUri()));
  }

  @GET
  @APIResponseSchema(ConfigurationPage.class)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  public Uni<ConfigurationPage> list(
      @BeanParam PageParams paging,
      @RestQuery
          @Parameter(
              description = "Only configurations of this memory store",
              schema =
                  @Schema(type = SchemaType.STRING, pattern = ConfigurationBody.MEMORY_STORE_ID))
          String memoryStoreId) {
    if (memoryStoreId != null && !memoryStoreId.matches(ConfigurationBody.MEMORY_STORE_ID)) {
      throw ApiException.invalid(
          "Invalid value for 'memoryStoreId': must match " + ConfigurationBody.MEMORY_STORE_ID);
    }
    List<String> store = memoryStoreId == null ? List.of() : List.of(memoryStoreId);
    return service
        .list(caller.sid(), paging.query(Map.of("memoryStoreId", store)))
        .map(ConfigurationPage::of);
  }

  @GET
  @Path("/{id}")
  @APIResponseSchema(ConfigurationResponse.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ConfigurationResponse> fetch(@PathParam("id") String id) {
    return service.fetch(caller.sid(), id);
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "202", ref = ApiDocs.ACCEPTED_RESPONSE)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> replace(
      @PathParam("id") String id,
      ConfigurationBody body,
      @RestHeader(IDEMPOTENCY_KEY) String key,
      @Context UriInfo uri) {
    validation.check(body, ConfigurationBody.OnReplace.class);
    return requests.answerInSession(
        key,
        "PUT configurations/" + id,
        body,
        account -> service.replace(account, id, body, uri.getBaseUri()));
  }

  @PATCH
  @Path("/{id}")
  @APIResponse(responseCode = "202", ref = ApiDocs.ACCEPTED_RESPONSE)
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
                      schema = @Schema(ref = ApiDocs.CONFIGURATION_PATCH)))
          JsonNode body,
      @RestHeader(IDEMPOTENCY_KEY) String key,
      @Context UriInfo uri) {
    return requests.answerInSession(
        key,
        "PATCH configurations/" + id,
        body,
        account -> service.patch(account, id, body, uri.getBaseUri()));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "202", ref = ApiDocs.ACCEPTED_RESPONSE)
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> delete(
      @PathParam("id") String id, @RestHeader(IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
    return requests.answerInSession(
        key,
        "DELETE configurations/" + id,
        Map.of(),
        account -> service.delete(account, id, uri.getBaseUri()));
  }
}
