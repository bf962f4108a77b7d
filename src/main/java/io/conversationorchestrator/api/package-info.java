/**
 * The API's common parts: errors, paging, idempotency, and the OpenAPI document's definition (what
 * the scanner cannot find by itself; {@link io.conversationorchestrator.api.OpenApiDocument} wires
 * it to the operations).
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
                  name = "AccountCreated",
                  implementation = OperatorResource.AccountCreated.class),
              @Schema(
                  name = "ApiKeyCreated",
                  implementation = OperatorResource.ApiKeyCreated.class),
              @Schema(
                  name = "WebhookSecretRotated",
                  implementation = OperatorResource.WebhookSecretRotated.class)
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
package io.conversationorchestrator.api;

import io.conversationorchestrator.account.OperatorResource;
import io.conversationorchestrator.operation.OperationAccepted;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.conversationorchestrator.ingestion.IngestResult;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
