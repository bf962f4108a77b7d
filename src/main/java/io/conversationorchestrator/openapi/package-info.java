/**
 * The OpenAPI document's definition: info, security schemes, reusable error answers and the schemas
 * of records no signature names. Operations describe themselves with annotations on the resource
 * methods; {@link io.conversationorchestrator.openapi.OpenApiDocument} adds only what applies
 * across them. This package may depend on feature packages; nothing depends on it.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Conversation Orchestrator",
            version =
                "0.1.0", // served as the build's version: quarkus.smallrye-openapi.info-version
            description =
                "Self-hostable implementation of the Twilio Conversations v2 (Conversation"
                    + " Orchestrator) API: configurations, conversations, participants and"
                    + " communications, with lifecycle timers and domain events on Kafka.",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
    components =
        @Components(
            schemas = {
              @Schema(name = "ErrorBody", implementation = ErrorBody.class),
              @Schema(name = "OperationAccepted", implementation = OperationAccepted.class),
              @Schema(name = "IngestResult", implementation = IngestResult.class),
              @Schema(
                  name = ApiDocs.PAGE_SIZE,
                  type = SchemaType.INTEGER,
                  minimum = "1",
                  maximum = "" + PageParams.MAX_SIZE,
                  defaultValue = "" + PageParams.DEFAULT_SIZE),
              @Schema(
                  name = "AccountCreated",
                  implementation = OperatorResource.AccountCreated.class),
              @Schema(
                  name = "ApiKeyCreated",
                  implementation = OperatorResource.ApiKeyCreated.class),
              @Schema(
                  name = "WebhookSecretRotated",
                  implementation = OperatorResource.WebhookSecretRotated.class)
            },
            responses = {
              @APIResponse(
                  name = ApiDocs.ACCEPTED_RESPONSE,
                  description = ApiDocs.ACCEPTED,
                  content =
                      @Content(
                          mediaType = APPLICATION_JSON,
                          schema = @Schema(ref = "OperationAccepted"))),
              @APIResponse(
                  name = ApiDocs.BAD_REQUEST,
                  description = "Invalid parameter, body or header",
                  content =
                      @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ErrorBody"))),
              @APIResponse(
                  name = ApiDocs.UNAUTHORIZED,
                  description = "Missing or invalid credentials",
                  content =
                      @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ErrorBody")),
                  headers =
                      @Header(
                          name = "WWW-Authenticate",
                          description = "The scheme to authenticate with",
                          schema = @Schema(type = SchemaType.STRING))),
              @APIResponse(
                  name = ApiDocs.NOT_FOUND,
                  description = "Not found: missing, another account's, or a malformed id",
                  content =
                      @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ErrorBody"))),
              @APIResponse(
                  name = ApiDocs.CONFLICT,
                  description =
                      "Conflicts with the current state (a CLOSED conversation, a configuration in"
                          + " use or already bridged, an existing account)",
                  content =
                      @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ErrorBody")),
                  headers =
                      @Header(
                          name = "X-Conflicting-Resource-Id",
                          description = "The resource in the way, if any",
                          schema = @Schema(type = SchemaType.STRING))),
              @APIResponse(
                  name = ApiDocs.IDEMPOTENCY_KEY_REUSED,
                  description = "The Idempotency-Key was already used with a different request",
                  content =
                      @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ErrorBody"))),
              @APIResponse(
                  name = ApiDocs.SERVICE_UNAVAILABLE,
                  description = "The database is unavailable; retry later",
                  content =
                      @Content(mediaType = APPLICATION_JSON, schema = @Schema(ref = "ErrorBody")),
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before retrying",
                          schema = @Schema(type = SchemaType.INTEGER)))
            },
            securitySchemes = {
              @SecurityScheme(
                  securitySchemeName = OpenApiDocument.ACCOUNT,
                  type = SecuritySchemeType.HTTP,
                  scheme = "basic",
                  description =
                      "HTTP Basic with `AccountSid:AuthToken` or `ApiKeySid:Secret`; every /v2"
                          + " request"),
              @SecurityScheme(
                  securitySchemeName = OpenApiDocument.OPERATOR,
                  type = SecuritySchemeType.HTTP,
                  scheme = "bearer",
                  description =
                      "The operator token (`orchestrator.operator.token`); without one configured"
                          + " the operator API answers 404")
            }))
package io.conversationorchestrator.openapi;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import io.conversationorchestrator.account.OperatorResource;
import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.api.ErrorBody;
import io.conversationorchestrator.api.paging.PageParams;
import io.conversationorchestrator.ingestion.IngestResult;
import io.conversationorchestrator.operation.OperationAccepted;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
