package io.conversationorchestrator.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;

import io.conversationorchestrator.api.ApiDocs;
import io.conversationorchestrator.configuration.CallbackEvents;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to the generated OpenAPI document (registered with {@code mp.openapi.filter}) what applies
 * across operations, by path prefix and never by a particular endpoint: authentication (a request
 * filter, invisible to the scanner), the 401 and 503 every operation may answer, the {@code
 * Idempotency-Key} header and its 422, and the operation headers of every 202. Each operation's own
 * answers, parameters and bodies are annotations on its resource method. It runs at start-up: a
 * failure here stops the application, and the test catches it.
 */
public class OpenApiDocument implements OASFilter {
  static final String ACCOUNT = "accountBasic";
  static final String OPERATOR = "operatorBearer";

  private static final String SCHEMAS = "#/components/schemas/";
  private static final String RESPONSES = "#/components/responses/";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Override
  public void filterOpenAPI(OpenAPI api) {
    Components components = api.getComponents();
    for (String name : List.of("StatusCallback", "SubscriptionBody", "SubscriptionResponse")) {
      listEventTypes(components.getSchemas().get(name));
    }
    components.addSchema(
        ApiDocs.CONFIGURATION_PATCH,
        configurationPatch(components.getSchemas().get("ConfigurationBody")));
    components.addSchema(ApiDocs.CONVERSATION_PATCH, conversationPatch());
    components.addSchema(
        ApiDocs.SUBSCRIPTION_PATCH,
        subscriptionPatch(components.getSchemas().get("SubscriptionBody")));
    components.removeSchema("JsonNode");
    components.removeSchema("JsonNodeType");
    withOperationHeaders(components.getResponses().get(ApiDocs.ACCEPTED_RESPONSE));
    api.getPaths()
        .getPathItems()
        .forEach((path, item) -> item.getOperations().values().forEach(op -> describe(path, op)));
  }

  private static void describe(String path, Operation op) {
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
    APIResponses responses = op.getResponses();
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              // the shared 202 (a reference) has them already; an action's 202 leaves none
              if (code.equals("202") && response.getRef() == null && leavesAnOperation(response)) {
                withOperationHeaders(response);
              }
            });
    add(responses, "401", ApiDocs.UNAUTHORIZED);
    List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
    for (Parameter parameter : parameters) {
      if (parameter.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equals(parameter.getName())) {
        parameter
            .schema(string().format("uuid"))
            .description(
                "A UUID; a retry with the same key and request replays the first answer for 24"
                    + " h, a different request with it is a 422");
        add(responses, "422", ApiDocs.IDEMPOTENCY_KEY_REUSED);
      }
    }
    add(responses, "503", ApiDocs.SERVICE_UNAVAILABLE);
  }

  private static void add(APIResponses responses, String code, String component) {
    responses.addAPIResponse(code, createAPIResponse().ref(RESPONSES + component));
  }

  private static boolean leavesAnOperation(APIResponse response) {
    return response.getContent() != null
        && response.getContent().getMediaTypes().values().stream()
            .anyMatch(
                type ->
                    type.getSchema() != null
                        && String.valueOf(type.getSchema().getRef())
                            .endsWith("/OperationAccepted"));
  }

  /** A 202 applied the change and left an operation to poll: say where. */
  private static void withOperationHeaders(APIResponse response) {
    response
        .addHeader("Operation-Id", header("Id of the operation", string()))
        .addHeader(
            "Retry-After",
            header("Seconds to wait before polling", createSchema().addType(SchemaType.INTEGER)))
        .addHeader("Location", header("The operation's statusUrl", string().format("uri")));
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

  /** The {@code events} filter's items are the event types delivered to callbacks. */
  private static void listEventTypes(Schema schema) {
    Schema events = schema == null ? null : schema.getProperties().get("events");
    if (events != null && events.getItems() != null) {
      events.getItems().setEnumeration(new ArrayList<>(CallbackEvents.NAMES));
      events.description("Only these event types (absent: all of them; [] is refused)");
    }
  }

  /** Every property of the create body, none required: PATCH is a merge. */
  private static Schema subscriptionPatch(Schema body) {
    Schema patch =
        createSchema()
            .addType(SchemaType.OBJECT)
            .description(
                "Merge patch: absent fields stay; null clears events (all again), configurationId"
                    + " (account-wide) and method (POST); url cannot be cleared");
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
                        .description("Replaces the list; [] or null clears it")))
        .addProperty(
            "snoozedUntil",
            createSchema()
                .type(List.of(SchemaType.STRING, SchemaType.NULL))
                .format("date-time")
                .description(
                    "Our extension: INACTIVE until then (reason SNOOZED), the close timer paused;"
                        + " ACTIVE again at that instant (SNOOZE_ENDED). Null wakes it now. Not in"
                        + " the past nor beyond the maximum lifespan; not with status"))
        .addProperty(
            "wakeOnActivity",
            createSchema()
                .addType(SchemaType.BOOLEAN)
                .description(
                    "Our extension: whether a communication ends the snooze (default true)"));
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
}
