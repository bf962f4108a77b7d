package io.conversationorchestrator.api;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;

import io.conversationorchestrator.configuration.ConfigurationBody;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document (registered with {@code mp.openapi.filter}) with what
 * the scanner cannot see: mutations return {@code Uni<Response>}, authentication is a request
 * filter and errors come from exception mappers. {@code package-info.java} declares the info, the
 * security schemes and the schemas of records no signature names; this filter wires them to the
 * operations. It runs at start-up: a failure here stops the application, and the test catches it.
 */
public class OpenApiDocument implements OASFilter {
  static final String ACCOUNT = "accountBasic";
  static final String OPERATOR = "operatorBearer";

  private static final String JSON = "application/json";
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The real success answers of operations whose Java signature hides them. */
  private static final Map<String, List<Success>> SUCCESS =
      Map.ofEntries(
          Map.entry("POST /v2/ControlPlane/Configurations", Success.ACCEPTED),
          Map.entry("PUT /v2/ControlPlane/Configurations/{id}", Success.ACCEPTED),
          Map.entry("PATCH /v2/ControlPlane/Configurations/{id}", Success.ACCEPTED),
          Map.entry("DELETE /v2/ControlPlane/Configurations/{id}", Success.ACCEPTED),
          Map.entry(
              "POST /v2/Conversations",
              List.of(new Success(201, "ConversationResponse", "Conversation created"))),
          Map.entry(
              "PUT /v2/Conversations/{id}",
              List.of(new Success(200, "ConversationResponse", "Conversation updated"))),
          Map.entry(
              "PATCH /v2/Conversations/{id}",
              List.of(new Success(200, "ConversationResponse", "Conversation updated"))),
          Map.entry("DELETE /v2/Conversations/{id}", Success.ACCEPTED),
          Map.entry(
              "POST /v2/Conversations/{conversationId}/Participants",
              List.of(new Success(201, "ParticipantResponse", "Participant added"))),
          Map.entry(
              "PUT /v2/Conversations/{conversationId}/Participants/{id}",
              List.of(new Success(200, "ParticipantResponse", "Participant updated"))),
          Map.entry(
              "DELETE /v2/Conversations/{conversationId}/Participants/{id}",
              List.of(new Success(200, "ParticipantResponse", "The removed participant"))),
          Map.entry(
              "POST /v2/Conversations/{conversationId}/Communications",
              List.of(
                  new Success(201, "CommunicationResponse", "Communication created"),
                  new Success(
                      200,
                      "CommunicationResponse",
                      "An existing communication with this resourceId was updated"))),
          Map.entry(
              "POST /v2/Ingest/Communications",
              List.of(
                  new Success(201, "IngestResult", "A conversation or a communication was created"),
                  new Success(200, "IngestResult", "Routed; nothing new was created"))),
          Map.entry(
              "POST /operator/Accounts",
              List.of(
                  new Success(
                      201,
                      "AccountCreated",
                      "Account created; its authToken is shown" + " only here"))),
          Map.entry(
              "POST /operator/Accounts/{accountSid}/Keys",
              List.of(
                  new Success(
                      201,
                      "ApiKeyCreated",
                      "API key created; its secret is shown only" + " here"))),
          Map.entry(
              "POST /operator/Accounts/{accountSid}/WebhookSecrets",
              List.of(
                  new Success(
                      201,
                      "WebhookSecretRotated",
                      "New Standard Webhooks signing secret; shown only here"))));

  /** Request bodies read as a JSON tree, described by the schema of the merge they apply. */
  private static final Map<String, String> PATCH_BODIES =
      Map.of(
          "PATCH /v2/ControlPlane/Configurations/{id}", "ConfigurationPatch",
          "PATCH /v2/Conversations/{id}", "ConversationPatch");

  /** Operations that answer 404 for something other than a path parameter. */
  private static final Set<String> NOT_FOUND_WITHOUT_PATH_ID =
      Set.of("POST /v2/Conversations", "POST /v2/Ingest/Communications", "POST /operator/Accounts");

  /** Operations that answer 409: a resource in use or bridged elsewhere, a CLOSED conversation. */
  private static final Set<String> CONFLICTS =
      Set.of(
          "POST /v2/ControlPlane/Configurations",
          "PUT /v2/ControlPlane/Configurations/{id}",
          "PATCH /v2/ControlPlane/Configurations/{id}",
          "DELETE /v2/ControlPlane/Configurations/{id}",
          "PUT /v2/Conversations/{id}",
          "PATCH /v2/Conversations/{id}",
          "POST /v2/Conversations/{conversationId}/Participants",
          "PUT /v2/Conversations/{conversationId}/Participants/{id}",
          "DELETE /v2/Conversations/{conversationId}/Participants/{id}",
          "POST /v2/Conversations/{conversationId}/Communications",
          "POST /v2/Conversations",
          "POST /v2/Ingest/Communications",
          "POST /operator/Accounts");

  /** A 2xx answer: status, body schema; a 202 also carries the operation's headers. */
  record Success(int status, String schema, String description) {
    static final List<Success> ACCEPTED =
        List.of(
            new Success(
                202,
                "OperationAccepted",
                "Accepted and already applied: poll statusUrl (also in Location) for the"
                    + " operation"));

    APIResponse response() {
      APIResponse response =
          createAPIResponse()
              .description(description)
              .content(createContent().addMediaType(JSON, createMediaType().schema(ref(schema))));
      if (status == 202) {
        response
            .addHeader("Operation-Id", header("Id of the operation", string()))
            .addHeader(
                "Retry-After",
                header(
                    "Seconds to wait before polling", createSchema().addType(SchemaType.INTEGER)))
            .addHeader("Location", header("The operation's statusUrl", string().format("uri")));
      }
      return response;
    }
  }

  @Override
  public void filterOpenAPI(OpenAPI api) {
    Components components = api.getComponents();
    components.addSchema(
        "ConfigurationPatch", configurationPatch(components.getSchemas().get("ConfigurationBody")));
    components.addSchema("ConversationPatch", conversationPatch());
    components.removeSchema("JsonNode");
    components.removeSchema("JsonNodeType");
    Errors.declare(components);
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations().forEach((method, op) -> describe(path, method, op)));
  }

  private static void describe(String path, HttpMethod method, Operation op) {
    String key = method + " " + path;
    if (path.startsWith("/v2/")) {
      op.setSecurity(List.of(createSecurityRequirement().addScheme(ACCOUNT)));
    } else if (path.startsWith("/operator/")) {
      op.setSecurity(List.of(createSecurityRequirement().addScheme(OPERATOR)));
      if (op.getRequestBody() != null) {
        op.getRequestBody().setRequired(false);
      }
    } else {
      return;
    }
    if (PATCH_BODIES.containsKey(key) && op.getRequestBody() != null) {
      op.getRequestBody()
          .content(
              createContent()
                  .addMediaType(JSON, createMediaType().schema(ref(PATCH_BODIES.get(key)))))
          .description("Fields to change; absent fields stay as they are");
    }
    List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
    boolean idempotent = false;
    boolean queried = false;
    for (Parameter parameter : parameters) {
      if (parameter.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equals(parameter.getName())) {
        idempotent = true;
        parameter
            .schema(string().format("uuid"))
            .description(
                "A UUID; a retry with the same key and request replays the first answer for 24"
                    + " h, a different request with it is a 422");
      } else if (parameter.getIn() == Parameter.In.QUERY) {
        queried = true;
        Schema schema = querySchema(parameter.getName());
        if (schema != null) {
          parameter.schema(schema).description(schema.getDescription());
        }
      }
    }
    APIResponses responses = op.getResponses();
    if (SUCCESS.containsKey(key)) {
      List.copyOf(responses.getAPIResponses().keySet()).stream()
          .filter(code -> code.startsWith("2"))
          .forEach(responses::removeAPIResponse);
      for (Success success : SUCCESS.get(key)) {
        responses.addAPIResponse(String.valueOf(success.status()), success.response());
      }
    }
    responses.removeAPIResponse("400");
    if (op.getRequestBody() != null || queried || idempotent) {
      Errors.INVALID.addTo(responses);
    }
    Errors.UNAUTHENTICATED.addTo(responses);
    if (path.contains("{") || NOT_FOUND_WITHOUT_PATH_ID.contains(key)) {
      Errors.NOT_FOUND.addTo(responses);
    }
    if (CONFLICTS.contains(key)) {
      Errors.CONFLICT.addTo(responses);
    }
    if (idempotent) {
      Errors.IDEMPOTENCY_KEY_REUSED.addTo(responses);
    }
    Errors.UNAVAILABLE.addTo(responses);
  }

  /** Schemas of the query parameters; paging ones are read as text but must be integers. */
  private static Schema querySchema(String name) {
    return switch (name) {
      case "pageSize" -> pageSize().description("Items per page, 1 to 1000 (default 50)");
      case "PageSize" -> pageSize().description("Alias of pageSize, as twilio-java sends it");
      case "pageToken" ->
          string()
              .description(
                  "meta.nextToken or meta.previousToken of the previous answer; it carries the"
                      + " filters");
      case "status" ->
          createSchema()
              .addType(SchemaType.ARRAY)
              .items(ref("ConversationStatus"))
              .description("Only conversations in one of these statuses (repeatable)");
      case "channelId" -> string().description("Only items on this channel");
      case "memoryStoreId" ->
          string()
              .pattern(ConfigurationBody.MEMORY_STORE_ID)
              .description("Only configurations of this memory store");
      default -> null;
    };
  }

  private static Schema pageSize() {
    return createSchema()
        .addType(SchemaType.INTEGER)
        .minimum(BigDecimal.ONE)
        .maximum(BigDecimal.valueOf(1000))
        .defaultValue(50);
  }

  /** Every property of the PUT body, none required: PATCH is a merge. */
  private static Schema configurationPatch(Schema body) {
    Schema patch =
        createSchema()
            .addType(SchemaType.OBJECT)
            .description(
                "Merge patch: absent fields stay, null clears an optional field (null on one PUT"
                    + " requires is a 400), each channelSettings key replaces that channel and null"
                    + " removes it");
    if (body != null && body.getProperties() != null) {
      body.getProperties().forEach(patch::addProperty);
    }
    return patch;
  }

  private static Schema conversationPatch() {
    return createSchema()
        .addType(SchemaType.OBJECT)
        .description("Absent fields stay as they are")
        .addProperty(
            "name", createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)).maxLength(256))
        .addProperty("status", ref("ConversationStatus"))
        .addProperty(
            "metadata",
            createSchema()
                .type(List.of(SchemaType.OBJECT, SchemaType.NULL))
                .additionalPropertiesSchema(
                    createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)))
                .description("Merged into the stored metadata; a null value removes that key"))
        .addProperty(
            "configuration",
            createSchema()
                .addType(SchemaType.OBJECT)
                .addProperty(
                    "statusCallbacks",
                    createSchema()
                        .type(List.of(SchemaType.ARRAY, SchemaType.NULL))
                        .items(ref("StatusCallback"))
                        .description("Replaces the list; [] or null clears it")));
  }

  private static Header header(String description, Schema schema) {
    return createHeader().description(description).schema(schema);
  }

  private static Schema string() {
    return createSchema().addType(SchemaType.STRING);
  }

  private static Schema ref(String schema) {
    return createSchema().ref(SCHEMAS + schema);
  }

  /** Every error answer, each a reusable response with the {@link ErrorBody} schema. */
  enum Errors {
    INVALID(ApiError.INVALID_PARAMETER, "BadRequest", "Invalid parameter, body or header"),
    UNAUTHENTICATED(ApiError.UNAUTHENTICATED, "Unauthorized", "Missing or invalid credentials"),
    NOT_FOUND(
        ApiError.NOT_FOUND, "NotFound", "Not found: missing, another account's, or a malformed id"),
    CONFLICT(
        ApiError.CONFLICT,
        "Conflict",
        "Conflicts with the current state (a CLOSED conversation, a configuration in use or"
            + " already bridged, an existing account)"),
    IDEMPOTENCY_KEY_REUSED(
        ApiError.IDEMPOTENCY_KEY_REUSED,
        "IdempotencyKeyReused",
        "The Idempotency-Key was already used with a different request"),
    UNAVAILABLE(
        ApiError.UNAVAILABLE, "ServiceUnavailable", "The database is unavailable; retry later");

    private final ApiError error;
    private final String name;
    private final String description;

    Errors(ApiError error, String name, String description) {
      this.error = error;
      this.name = name;
      this.description = description;
    }

    static void declare(Components components) {
      for (Errors e : values()) {
        APIResponse response =
            createAPIResponse()
                .description(e.description)
                .content(
                    createContent().addMediaType(JSON, createMediaType().schema(ref("ErrorBody"))));
        if (e == UNAUTHENTICATED) {
          response.addHeader(
              "WWW-Authenticate", header("The scheme to authenticate with", string()));
        } else if (e == CONFLICT) {
          response.addHeader(
              "X-Conflicting-Resource-Id", header("The resource in the way, if any", string()));
        } else if (e == UNAVAILABLE) {
          response.addHeader(
              "Retry-After",
              header(
                  "Seconds to wait before retrying", createSchema().addType(SchemaType.INTEGER)));
        }
        components.addResponse(e.name, response);
      }
    }

    void addTo(APIResponses responses) {
      responses.addAPIResponse(
          String.valueOf(error.status()),
          createAPIResponse().ref("#/components/responses/" + name));
    }
  }
}
