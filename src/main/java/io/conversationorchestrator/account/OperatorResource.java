package io.conversationorchestrator.account;

import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API: accounts and API keys. Secrets appear in these answers once, never again. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/operator/Accounts")
@Tag(name = "Operator")
public class OperatorResource {
  private final AccountService accounts;

  public OperatorResource(AccountService accounts) {
    this.accounts = accounts;
  }

  public record NewAccount(
      @Pattern(regexp = "^AC[0-9a-f]{32}$") String sid,
      @Size(min = 16, max = 128) String authToken,
      @Size(max = 64) String friendlyName) {}

  public record AccountCreated(
      String sid, String authToken, String friendlyName, Instant createdAt) {}

  public record NewApiKey(@Size(max = 64) String friendlyName) {}

  public record ApiKeyCreated(
      String sid, String secret, String accountSid, String friendlyName, Instant createdAt) {}

  public record ApiKeyRevoked(String sid, String accountSid, Instant revokedAt) {}

  /** A new Standard Webhooks secret; the previous ones keep signing for the overlap window. */
  public record WebhookSecretRotated(
      String accountSid, String secret, String previousSecretsExpireIn) {}

  @POST
  @APIResponseSchema(
      value = AccountCreated.class,
      responseCode = "201",
      responseDescription = "Account created; its authToken is shown only here")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
  public Uni<Response> createAccount(@Valid NewAccount body) {
    NewAccount request = body != null ? body : new NewAccount(null, null, null);
    String sid = request.sid() != null ? request.sid() : Sids.newAccountSid();
    String token = request.authToken() != null ? request.authToken() : Sids.newSecret();
    return accounts
        .createAccount(sid, token, request.friendlyName())
        .map(a -> new AccountCreated(a.sid, token, a.friendlyName, a.createdAt))
        .map(created -> Response.status(201).entity(created).build());
  }

  @POST
  @Path("/{accountSid}/Keys")
  @APIResponseSchema(
      value = ApiKeyCreated.class,
      responseCode = "201",
      responseDescription = "API key created; its secret is shown only here")
  @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<Response> createKey(
      @PathParam("accountSid") String accountSid, @Valid NewApiKey body) {
    String secret = Sids.newSecret();
    String name = body != null ? body.friendlyName() : null;
    return accounts
        .createKey(accountSid, secret, name)
        .map(k -> new ApiKeyCreated(k.sid, secret, k.accountSid, k.friendlyName, k.createdAt))
        .map(created -> Response.status(201).entity(created).build());
  }

  @DELETE
  @Path("/{accountSid}/Keys/{keySid}")
  @APIResponseSchema(ApiKeyRevoked.class)
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<ApiKeyRevoked> revokeKey(
      @PathParam("accountSid") String accountSid, @PathParam("keySid") String keySid) {
    if (!Sids.API_KEY.matcher(keySid).matches()) {
      throw new ApiException(ApiError.NOT_FOUND, "API key not found");
    }
    return accounts
        .revokeKey(accountSid, keySid)
        .map(k -> new ApiKeyRevoked(k.sid, k.accountSid, k.revokedAt));
  }

  @POST
  @Path("/{accountSid}/WebhookSecrets")
  @APIResponseSchema(
      value = WebhookSecretRotated.class,
      responseCode = "201",
      responseDescription = "New Standard Webhooks signing secret; shown only here")
  @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
  public Uni<Response> rotateWebhookSecret(@PathParam("accountSid") String accountSid) {
    return accounts
        .rotateWebhookSecret(accountSid)
        .map(
            secret ->
                new WebhookSecretRotated(
                    accountSid, secret, WebhookSecrets.ROTATION_OVERLAP.toString()))
        .map(rotated -> Response.status(201).entity(rotated).build());
  }
}
