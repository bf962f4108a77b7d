package io.conversationorchestrator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict reader alone, on every path Jackson can take through a document. */
class StrictJsonTest {
  private static final ObjectMapper JSON =
      StrictJson.configure(
          new ObjectMapper(new StrictJsonFactory()).registerModule(new JavaTimeModule()));

  record Timeouts(Integer inactive, Integer closed) {}

  record Body(
      String name,
      List<String> tags,
      Map<String, String> metadata,
      Timeouts timeouts,
      OffsetDateTime at,
      Map<String, Object> settings,
      JsonNode payload) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"name":"a","name":"b"}                   | Duplicate field 'name'
          {"metadata":{"k":"1","k":"2"}}            | Duplicate field 'metadata.k'
          {"unknown":{"a":1,"a":2}}                 | Duplicate field 'unknown.a'
          {"name":"a\\u0000"}                       | Invalid value for 'name': NUL characters are not allowed
          {"tags":["ok","\\u0000"]}                 | Invalid value for 'tags[1]': NUL characters are not allowed
          {"metadata":{"k\\u0000":"v"}}             | Invalid field name in 'metadata': NUL characters are not allowed
          {"unknown":["\\ud800"]}                   | Invalid value for 'unknown[0]': invalid Unicode (an unpaired surrogate)
          {"name":"\\udc00\\ud800"}                 | Invalid value for 'name': invalid Unicode (an unpaired surrogate)
          """)
  void refusesWhatCannotBeStoredAsSent(String json, String message) {
    assertThatThrownBy(() -> JSON.readValue(json.getBytes(StandardCharsets.UTF_8), Body.class))
        .hasStackTraceContaining(message);
    assertThatThrownBy(
            () -> JSON.readTree(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(JsonProcessingException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"timeouts":{"inactive":1.5}}           | Cannot coerce Floating-point value (1.5)
          {"timeouts":{"inactive":"30"}}          | Cannot coerce
          {"name":30}                             | Cannot coerce
          {"name":true}                           | Cannot coerce
          {"metadata":{"k":1}}                    | Cannot coerce
          {"tags":"one"}                          | Cannot construct instance
          {"at":1700000000}                       | from Integer value
          {"at":"+294277-01-01T00:00:00Z"}        | expected an ISO-8601 date-time with an offset
          {"at":"1969-12-31T23:59:59Z"}           | expected an ISO-8601 date-time with an offset
          {"at":"2026-01-01T00:00:00"}            | expected an ISO-8601 date-time with an offset
          {}xyz                                   | Unrecognized token 'xyz'
          {} {}                                   | Trailing token
          """)
  void coercesNothing(String json, String message) {
    assertThatThrownBy(() -> JSON.readValue(json, Body.class)).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"nmae":"a"}                         | nmae
          {"timeouts":{"inactive":1,"idle":2}} | idle
          {"other":{"a":1},"name":"a"}         | other
          """)
  void refusesAFieldTheRecordDoesNotDeclare(String json, String field) {
    assertThatThrownBy(() -> JSON.readValue(json, Body.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"" + field + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"name":"a","timeouts":{"inactive":1,"idle":2}} | a
          """)
  void readsItsOwnDocumentsLeniently(String json, String name) throws Exception {
    Body body = StrictJson.lenient(JSON, Body.class).readValue(json);
    assertThat(body.name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"name":"😀 é \\ud83d\\ude00","tags":[],"metadata":{},"timeouts":{"inactive":30}} | 😀 é 😀
          {"name":"a\\tb","at":"9999-12-31T23:59:59.999999Z"}                                 | a\tb
          {"name":"free","metadata":{"any":"key"},"settings":{"x":{"y":[1]}},"payload":{"z":1}} | free
          """)
  void acceptsWhatIsValid(String json, String name) throws Exception {
    assertThat(JSON.readValue(json, Body.class).name()).isEqualTo(name.replace("\\t", "\t"));
    assertThat(
            JSON.readValue(json.getBytes(StandardCharsets.UTF_8), JsonNode.class)
                .path("name")
                .asText())
        .isEqualTo(name.replace("\\t", "\t"));
  }

  @ParameterizedTest(name = "bytes {0}")
  @CsvSource({"C0 AF", "ED A0 80", "FF", "E2 82", "F4 90 80 80"})
  void refusesBytesThatAreNotUtf8(String hex) {
    String[] parts = hex.split(" ");
    byte[] body = new byte[parts.length + 11];
    byte[] start = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(start, 0, body, 0, start.length);
    for (int i = 0; i < parts.length; i++) {
      body[start.length + i] = (byte) Integer.parseInt(parts[i], 16);
    }
    body[start.length + parts.length] = '"';
    body[start.length + parts.length + 1] = '}';
    byte[] exact = Arrays.copyOf(body, start.length + parts.length + 2);
    assertThatThrownBy(() -> JSON.readValue(exact, Body.class))
        .hasMessageContaining("The request body is not valid UTF-8");
    assertThatThrownBy(() -> JSON.readValue(new ByteArrayInputStream(exact), Body.class))
        .hasMessageContaining("The request body is not valid UTF-8");
  }
}
