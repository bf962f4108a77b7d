package io.conversationorchestrator.configuration;

import static org.hamcrest.Matchers.equalTo;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a configuration body answers 400 with the contract's body naming the field. */
@QuarkusTest
class ConfigurationValidationTest {
  private static final String VALID =
      """
      {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
       "memoryStoreId":"%s","channelSettings":{}}
      """
          .formatted(Fixtures.MEMORY_STORE);

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of(without("displayName"), "Invalid value for 'displayName': must not be null"),
        Arguments.of(
            replace("\"displayName\":\"ok\"", "\"displayName\":\"" + "x".repeat(33) + "\""),
            "Invalid value for 'displayName': size must be between 0 and 32"),
        Arguments.of(
            replace("\"displayName\":\"ok\"", "\"displayName\":\"bad!\""),
            "Invalid value for 'displayName': must match ^[a-zA-Z0-9-_ ]+$"),
        Arguments.of(without("description"), "Invalid value for 'description': must not be null"),
        Arguments.of(
            replace("\"description\":\"d\"", "\"description\":\"" + "x".repeat(513) + "\""),
            "Invalid value for 'description': size must be between 0 and 512"),
        Arguments.of(
            replace("GROUP_BY_PROFILE", "GROUP_BY_MOOD"),
            "Invalid value for 'conversationGroupingType': expected one of GROUP_BY_PROFILE,"
                + " GROUP_BY_PARTICIPANT_ADDRESSES, GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE"),
        Arguments.of(
            replace(Fixtures.MEMORY_STORE, "store-1"),
            "Invalid value for 'memoryStoreId': must match ^mem_(store|service)_[0-7][0-9a-z]{25}$"),
        Arguments.of(
            channels("{\"EMAIL\":{}}"),
            "Invalid value for 'channelSettings': expected one of VOICE, SMS, RCS, WHATSAPP, CHAT"),
        Arguments.of(
            channels("{\"SMS\":{\"statusTimeouts\":{\"inactive\":0}}}"),
            "Invalid value for 'channelSettings.SMS.statusTimeouts.inactive': must be greater than or equal to 1"),
        Arguments.of(
            channels("{\"SMS\":{\"statusTimeouts\":{\"closed\":\"soon\"}}}"),
            "Invalid value for 'channelSettings.SMS.statusTimeouts.closed': expected an integer"),
        Arguments.of(
            channels("{\"SMS\":{\"captureRules\":[{\"from\":\"*\"}]}}"),
            "Invalid value for 'channelSettings.SMS.captureRules[0].to': must not be null"),
        Arguments.of(
            field(
                "statusCallbacks",
                "[{\"url\":\"https://a.example\"},{\"url\":\"https://b.example\"},{\"url\":\"https://c.example\"}]"),
            "Invalid value for 'statusCallbacks': size must be between 0 and 2"),
        Arguments.of(
            field("statusCallbacks", "[{\"url\":\"ftp://a.example/x\"}]"),
            "Invalid value for 'statusCallbacks[0].url': must be an absolute http(s) URL"),
        Arguments.of(
            field("statusCallbacks", "[{\"url\":\"https://a.example\",\"method\":\"PUT\"}]"),
            "Invalid value for 'statusCallbacks[0].method': expected one of POST, GET"),
        Arguments.of(
            field("intelligenceConfigurationIds", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]"),
            "Invalid value for 'intelligenceConfigurationIds': size must be between 0 and 5"),
        Arguments.of(
            field("memoryExtractionEnabled", "\"yes\""),
            "Invalid value for 'memoryExtractionEnabled': expected a boolean"),
        Arguments.of(
            field("conversationsV1Bridge", "{\"serviceId\":\"IS123\"}"),
            "Invalid value for 'conversationsV1Bridge.serviceId': must match ^IS[0-9a-f]{32}$"),
        Arguments.of("{\"displayName\":", "The request body is not valid JSON"),
        Arguments.of("[]", "Invalid value for the request body: expected an object"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void rejectsWithTheContractErrorBody(String body, String message) {
    Api.bootstrap()
        .request()
        .body(body)
        .post("/v2/ControlPlane/Configurations")
        .then()
        .statusCode(400)
        .body("code", equalTo(20001))
        .body("status", equalTo(400))
        .body("message", equalTo(message))
        .body("more_info", equalTo("https://www.twilio.com/docs/errors/20001"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void putAppliesTheSameRules(String body, String message) {
    Api api = Api.bootstrap();
    String id = Fixtures.createConfiguration(api, VALID);
    if (message.contains("'displayName': must not be null")) {
      return; // displayName is optional on PUT (contract 4.5)
    }
    api.request()
        .body(body)
        .put("/v2/ControlPlane/Configurations/" + id)
        .then()
        .statusCode(400)
        .body("message", equalTo(message));
  }

  private static String without(String field) {
    return VALID.replaceAll("\"" + field + "\":\"[^\"]*\",?", "");
  }

  private static String replace(String from, String to) {
    return VALID.replace(from, to);
  }

  private static String channels(String settings) {
    return VALID.replace("\"channelSettings\":{}", "\"channelSettings\":" + settings);
  }

  private static String field(String name, String json) {
    return VALID.replace(
        "\"channelSettings\":{}", "\"channelSettings\":{},\"" + name + "\":" + json);
  }
}
