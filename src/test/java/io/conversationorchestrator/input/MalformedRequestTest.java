package io.conversationorchestrator.input;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.ApiOperations;
import io.conversationorchestrator.support.ApiOperations.Operation;
import io.conversationorchestrator.support.RawHttp;
import io.conversationorchestrator.support.RawHttp.Answer;
import io.conversationorchestrator.support.StoredRows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests, generated over every operation of the OpenAPI document: each answers its 4xx
 * with the contract's error body, whichever layer refuses it, and stores nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest {
  @Inject Pool pool;

  @TestHTTPResource("/")
  URL base;

  private StoredAccount account;

  /** A malformed body: its bytes and the message the error body must start with. */
  record BadBody(String name, byte[] bytes, String message) {
    static BadBody of(String name, String json, String message) {
      return new BadBody(name, json.getBytes(StandardCharsets.UTF_8), message);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A malformed request line or header: how it changes a request, the status and message. */
  record BadRequest(
      String name,
      UnaryOperator<String> target,
      Map<String, String> headers,
      int status,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<BadBody> badBodies() {
    byte[] overlong = {'{', '"', 'x', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    return List.of(
        BadBody.of(
            "repeated key",
            """
            {"name":"a","name":"b"}""",
            "Duplicate field 'name'"),
        BadBody.of(
            "repeated nested key",
            """
            {"x":{"y":1,"y":2}}""",
            "Duplicate field 'x.y'"),
        BadBody.of("trailing bytes", "{}xyz", "The request body is not valid JSON"),
        BadBody.of(
            "NUL in a value",
            """
            {"name":"a\\u0000b"}""",
            "Invalid value for 'name': NUL characters are not allowed"),
        BadBody.of(
            "NUL in a key",
            """
            {"a\\u0000":"b"}""",
            "Invalid field name in the request body: NUL"),
        BadBody.of(
            "lone surrogate",
            """
            {"name":"a\\ud800b"}""",
            "Invalid value for 'name': invalid Unicode"),
        BadBody.of(
            "lone surrogate in an array",
            """
            {"x":["ok","\\udc00"]}""",
            "Invalid value for 'x[1]': invalid Unicode"),
        new BadBody("overlong UTF-8", overlong, "The request body is not valid UTF-8"),
        new BadBody(
            "over the size limit", oversized(), "The request body is larger than the limit"));
  }

  static List<BadRequest> badRequests() {
    return List.of(
        new BadRequest(
            "NUL in a query parameter",
            t -> t + "?channelId=%00",
            Map.of(),
            400,
            "Invalid query parameter 'channelId': NUL characters are not allowed"),
        new BadRequest(
            "truncated percent-encoding",
            t -> t + "?x=%",
            Map.of(),
            400,
            "Invalid query parameter 'x': malformed percent-encoding"),
        new BadRequest(
            "garbage percent-encoding",
            t -> t + "?pageToken=%%%garbage",
            Map.of(),
            400,
            "Invalid query parameter 'pageToken': malformed percent-encoding"),
        new BadRequest(
            "non-hex percent-encoding",
            t -> t + "?channelId=%ZZ",
            Map.of(),
            400,
            "Invalid query parameter 'channelId': malformed percent-encoding"),
        new BadRequest(
            "overlong UTF-8 in the query",
            t -> t + "?channelId=%C0%AF",
            Map.of(),
            400,
            "Invalid query parameter 'channelId': malformed percent-encoding or not UTF-8"),
        new BadRequest(
            "NUL in the path",
            t -> t + "/%00",
            Map.of(),
            400,
            "Invalid request path: NUL characters are not allowed"),
        new BadRequest(
            "request target over 8 KiB",
            t -> t + "?pageToken=" + "a".repeat(9000),
            Map.of(),
            414,
            "The request target is longer than 8192 characters"),
        new BadRequest(
            "700 repeated parameters",
            t -> t + "?" + "status=ACTIVE&".repeat(700),
            Map.of(),
            414,
            "The request target is longer than 8192 characters"),
        new BadRequest(
            "control character in a header",
            t -> t,
            Map.of("Idempotency-Key", "a\u0001b"),
            400,
            "Invalid header 'Idempotency-Key': control characters are not allowed"),
        new BadRequest(
            "NUL in a header",
            t -> t,
            Map.of("Idempotency-Key", "a\u0000b"),
            400,
            "Invalid header 'Idempotency-Key': NUL characters are not allowed"),
        new BadRequest(
            "HTML asked for",
            t -> t,
            Map.of("Accept", "text/html"),
            406,
            "Only application/json responses are available"));
  }

  Iterable<Arguments> everyOperationWithABadBody() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation operation : ApiOperations.withBody(base)) {
      badBodies().forEach(body -> cases.add(Arguments.of(operation, body)));
    }
    return cases;
  }

  Iterable<Arguments> everyOperationWithABadRequest() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation operation : ApiOperations.all(base)) {
      badRequests().forEach(request -> cases.add(Arguments.of(operation, request)));
    }
    return cases;
  }

  @BeforeEach
  void createAccountWithData() {
    if (account == null) {
      account = StoredAccount.create();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyOperationWithABadBody")
  void aMalformedBodyIsRefusedAndNothingIsStored(Operation operation, BadBody body) {
    Map<String, String> before = StoredRows.of(pool, account.api().accountSid());
    ValidatableResponse answer =
        send(operation, authorized(operation).body(body.bytes()), account.path(operation));
    assertErrorBody(answer, body.bytes().length > 1_000_000 ? 413 : 400, body.message());
    assertThat(StoredRows.of(pool, account.api().accountSid())).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyOperationWithABadRequest")
  void aMalformedRequestIsRefusedAndNothingIsStored(Operation operation, BadRequest request) {
    Map<String, String> before = StoredRows.of(pool, account.api().accountSid());
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put("Authorization", credentials(operation));
    headers.putIfAbsent("Content-Type", "application/json");
    byte[] body =
        operation.hasBody()
            ? account.validBody(operation).getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    String target = request.target().apply(account.path(operation));
    Answer answer = RawHttp.send(base, operation.method(), target, headers, body);
    assertErrorBody(answer, request.status(), request.message());
    assertThat(StoredRows.of(pool, account.api().accountSid())).isEqualTo(before);
  }

  private String credentials(Operation operation) {
    return operation.operator() ? "Bearer " + Api.OPERATOR_TOKEN : RawHttp.basic(account.api());
  }

  private RequestSpecification authorized(Operation operation) {
    return operation.operator()
        ? given()
            .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
            .contentType("application/json")
        : account.api().request();
  }

  private static ValidatableResponse send(
      Operation operation, RequestSpecification spec, String target) {
    return spec.request(operation.method(), target).then();
  }

  private static byte[] oversized() {
    byte[] bytes = new byte[1024 * 1024 + 1];
    Arrays.fill(bytes, (byte) ' ');
    bytes[0] = '{';
    bytes[bytes.length - 1] = '}';
    return bytes;
  }
}
