package io.conversationorchestrator.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ErrorBody;
import io.conversationorchestrator.operation.OperationAccepted;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document says what the API really does. */
@QuarkusTest
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIGURATIONS = "/v2/ControlPlane/Configurations";
  private static final String CONVERSATIONS = "/v2/Conversations";
  private static final String PARTICIPANTS = "/v2/Conversations/{conversationId}/Participants";
  private static final String COMMUNICATIONS = "/v2/Conversations/{conversationId}/Communications";

  private static JsonNode doc;

  @BeforeEach
  void fetch() throws Exception {
    if (doc != null) {
      return;
    }
    String body = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    doc = JSON.readTree(body);
  }

  @Test
  void infoNamesTheServiceAndItsLicense() {
    assertEquals("Conversation Orchestrator", doc.at("/info/title").asText());
    assertEquals("Apache-2.0", doc.at("/info/license/name").asText());
    assertTrue(
        !doc.at("/info/version").asText().isEmpty() && doc.at("/info/description").isTextual());
  }

  @Test
  void basicAuthGuardsTheApiAndBearerTheOperatorApi() {
    assertEquals("http", doc.at("/components/securitySchemes/accountBasic/type").asText());
    assertEquals("basic", doc.at("/components/securitySchemes/accountBasic/scheme").asText());
    assertEquals("bearer", doc.at("/components/securitySchemes/operatorBearer/scheme").asText());
    operations()
        .forEach(
            (name, op) -> {
              String scheme = name.contains(" /v2/") ? "accountBasic" : "operatorBearer";
              assertTrue(op.at("/security/0").has(scheme), name + " is not guarded by " + scheme);
            });
  }

  @Test
  void configurationCreateIsA202WithTheOperation() {
    JsonNode responses = op("post", CONFIGURATIONS).path("responses");
    assertEquals(Set.of("202", "400", "401", "409", "422", "503"), keys(responses));
    JsonNode accepted = resolve(responses.path("202"));
    assertEquals("OperationAccepted", schemaName(accepted));
    assertEquals(Set.of("Operation-Id", "Retry-After", "Location"), keys(accepted.path("headers")));
    assertEquals(
        keys(JSON.valueToTree(new OperationAccepted("u", Map.of()))),
        keys(schema("OperationAccepted").path("properties")));
  }

  @Test
  void unavailableSaysWhenToRetry() {
    JsonNode unavailable = resolve(op("post", CONFIGURATIONS).path("responses").path("503"));
    assertEquals(Set.of("Retry-After"), keys(unavailable.path("headers")));
  }

  @Test
  void mutationsDocumentTheirRealSuccess() {
    assertEquals("OperationAccepted", schemaName(success("put", CONFIGURATIONS + "/{id}", "202")));
    assertEquals(
        "OperationAccepted", schemaName(success("patch", CONFIGURATIONS + "/{id}", "202")));
    assertEquals(
        "OperationAccepted", schemaName(success("delete", CONFIGURATIONS + "/{id}", "202")));
    assertEquals(
        "OperationAccepted", schemaName(success("delete", CONVERSATIONS + "/{id}", "202")));
    assertEquals("ConversationResponse", schemaName(success("post", CONVERSATIONS, "201")));
    assertEquals(
        "ConversationResponse", schemaName(success("put", CONVERSATIONS + "/{id}", "200")));
    assertEquals(
        "ConversationResponse", schemaName(success("patch", CONVERSATIONS + "/{id}", "200")));
    assertEquals("ParticipantResponse", schemaName(success("post", PARTICIPANTS, "201")));
    assertEquals("CommunicationResponse", schemaName(success("post", COMMUNICATIONS, "201")));
    assertEquals("CommunicationResponse", schemaName(success("post", COMMUNICATIONS, "200")));
    assertEquals(
        "ConfigurationPatch",
        op("patch", CONFIGURATIONS + "/{id}")
            .at("/requestBody/content/application~1json/schema/$ref")
            .asText()
            .replace("#/components/schemas/", ""));
  }

  @Test
  void errorsAnswerTheErrorBody() {
    JsonNode badRequest = resolve(op("post", CONFIGURATIONS).at("/responses/400"));
    assertEquals("ErrorBody", schemaName(badRequest));
    ErrorBody example = ErrorBody.of(ApiError.INVALID_PARAMETER, "m");
    assertEquals(keys(JSON.valueToTree(example)), keys(schema("ErrorBody").path("properties")));
    assertEquals("ErrorBody", schemaName(resolve(op("post", COMMUNICATIONS).at("/responses/409"))));
  }

  @Test
  void listsAnswerTheirPageAndTakePaging() {
    JsonNode list = op("get", CONFIGURATIONS);
    assertEquals("ConfigurationPage", schemaName(list.at("/responses/200")));
    assertEquals(
        Set.of("configurations", "meta"), keys(schema("ConfigurationPage").path("properties")));
    assertEquals(
        Set.of("key", "pageSize", "nextToken", "previousToken"),
        keys(schema("PageMeta").path("properties")));
    JsonNode pageSize = resolve(parameter(list, "query", "pageSize").path("schema"));
    assertEquals("integer", pageSize.path("type").asText());
    assertEquals(1, pageSize.path("minimum").asInt());
    assertEquals(1000, pageSize.path("maximum").asInt());
    assertTrue(parameter(list, "query", "PageSize").isObject());
    assertTrue(parameter(list, "query", "pageToken").isObject());
    assertTrue(parameter(list, "query", "memoryStoreId").isObject());
    JsonNode status = parameter(op("get", CONVERSATIONS), "query", "status").path("schema");
    assertEquals("array", status.path("type").asText());
  }

  @Test
  void describesTheFieldsOfTwilioNode631() {
    List<String> channels = new ArrayList<>();
    schema("Channel").path("enum").forEach(v -> channels.add(v.asText()));
    assertEquals(List.of("VOICE", "SMS", "RCS", "EMAIL", "WHATSAPP", "CHAT", "VIDEO"), channels);
    for (String name :
        List.of(
            "ConfigurationBody",
            "ConfigurationPatch",
            "ConfigurationResponse",
            "ConversationConfiguration",
            "ConfigurationOverrides")) {
      assertTrue(
          schema(name).path("properties").has("redactionConfigurationId"),
          name + " has no redactionConfigurationId");
    }
    assertEquals(
        Set.of(
            "conversationGroupingType",
            "memoryStoreId",
            "channelSettings",
            "statusCallbacks",
            "memoryExtractionEnabled",
            "redactionConfigurationId",
            "intelligenceConfigurationIds",
            "traitExtractionStrategyIds",
            "observationExtractionStrategyIds",
            "workflows"),
        keys(schema("ConfigurationOverrides").path("properties")));
    assertEquals(
        20, schema("ConfigurationOverrides").at("/properties/statusCallbacks/maxItems").asInt());
    // capture rules are refused on a conversation, so they are not offered; responseSla is ours
    assertEquals(
        Set.of("statusTimeouts", "responseSla"),
        keys(schema("ChannelOverride").path("properties")));
    // the lifecycle extensions (issue 16) are documented
    assertTrue(
        keys(schema("ConversationResponse").path("properties"))
            .containsAll(
                Set.of(
                    "snoozedUntil",
                    "wakeOnActivity",
                    "closeWarningAt",
                    "lastCustomerActivityAt",
                    "lastAgentActivityAt",
                    "slaDueAt")));
    assertTrue(
        keys(schema("StatusTimeouts").path("properties"))
            .containsAll(Set.of("warnBeforeClose", "basis")));
    List<String> required = new ArrayList<>();
    schema("CreateConversationBody").path("required").forEach(v -> required.add(v.asText()));
    assertTrue(!required.contains("configurationId"), "configurationId is optional: " + required);
  }

  @Test
  void mutationsTakeAnIdempotencyKeyAndMayAnswer422() {
    List.of(
            "post " + CONFIGURATIONS,
            "put " + CONFIGURATIONS + "/{id}",
            "patch " + CONFIGURATIONS + "/{id}",
            "delete " + CONFIGURATIONS + "/{id}",
            "post " + CONVERSATIONS,
            "put " + CONVERSATIONS + "/{id}",
            "patch " + CONVERSATIONS + "/{id}",
            "delete " + CONVERSATIONS + "/{id}",
            "post " + PARTICIPANTS,
            "put " + PARTICIPANTS + "/{id}",
            "delete " + PARTICIPANTS + "/{id}",
            "post " + COMMUNICATIONS)
        .forEach(
            name -> {
              String[] parts = name.split(" ");
              JsonNode op = op(parts[0], parts[1]);
              JsonNode key = parameter(op, "header", "Idempotency-Key");
              assertEquals("uuid", key.at("/schema/format").asText(), name);
              assertTrue(op.at("/responses/422").isObject(), name + " has no 422");
            });
  }

  /** Guards operations added later: each says what it answers, and every reference resolves. */
  @Test
  void everyOperationHasASuccessBodyAndTheCommonErrors() {
    List<String> problems = new ArrayList<>();
    operations()
        .forEach(
            (name, op) -> {
              JsonNode responses = op.path("responses");
              boolean described =
                  keys(responses).stream()
                      .anyMatch(
                          code ->
                              code.startsWith("2") && !schemaName(responses.path(code)).isEmpty());
              if (!described) {
                problems.add(
                    name
                        + ": no 2xx with a body schema (annotate the resource method: @APIResponse or @APIResponseSchema)");
              }
              for (String code : List.of("401", "503")) {
                if (!"ErrorBody".equals(schemaName(resolve(responses.path(code))))) {
                  problems.add(name + ": no " + code + " with ErrorBody");
                }
              }
            });
    doc.findValues("$ref")
        .forEach(
            ref -> {
              if (doc.at(ref.asText().substring(1)).isMissingNode()) {
                problems.add("unresolved " + ref.asText());
              }
            });
    assertEquals(List.of(), problems);
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }

  /** "METHOD path" → operation, for the /v2 and /operator API. */
  private static Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new java.util.TreeMap<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (path.getKey().startsWith("/v2/") || path.getKey().startsWith("/operator/")) {
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> operations.put(op.getKey() + " " + path.getKey(), op.getValue()));
              }
            });
    assertTrue(operations.size() >= 25, "too few operations: " + operations.keySet());
    return operations;
  }

  private static JsonNode op(String method, String path) {
    JsonNode op = doc.path("paths").path(path).path(method);
    assertTrue(op.isObject(), "no operation " + method + " " + path);
    return op;
  }

  private static JsonNode success(String method, String path, String status) {
    JsonNode response = op(method, path).path("responses").path(status);
    assertTrue(response.isObject(), method + " " + path + " documents no " + status);
    return response;
  }

  private static JsonNode parameter(JsonNode op, String in, String name) {
    for (JsonNode parameter : op.path("parameters")) {
      if (in.equals(parameter.path("in").asText())
          && name.equals(parameter.path("name").asText())) {
        return parameter;
      }
    }
    throw new AssertionError("no " + in + " parameter " + name + " in " + op);
  }

  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? doc.at(node.path("$ref").asText().substring(1)) : node;
  }

  private static JsonNode schema(String name) {
    return doc.path("components").path("schemas").path(name);
  }

  /** The component name of a response's JSON body, or "" when it has none. */
  private static String schemaName(JsonNode response) {
    return resolve(response)
        .at("/content/application~1json/schema/$ref")
        .asText()
        .replace("#/components/schemas/", "");
  }

  private static Set<String> keys(JsonNode object) {
    Set<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
