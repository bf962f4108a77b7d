package io.conversationorchestrator.configuration;

import static org.hamcrest.Matchers.equalTo;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Errors;
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

  /** Each rule broken once: the body, the expected status and the exact error message. */
  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of(
            """
            {"description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{}}
            """,
            400,
            "Invalid value for 'displayName': must not be null"),
        Arguments.of(
            """
            {"displayName":"%s","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{}}
            """
                .formatted("x".repeat(33)),
            400,
            "Invalid value for 'displayName': size must be between 0 and 32"),
        Arguments.of(
            """
            {"displayName":"bad!","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{}}
            """,
            400,
            "Invalid value for 'displayName': must match ^[a-zA-Z0-9-_ ]+$"),
        Arguments.of(
            """
            {"displayName":"ok","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{}}
            """,
            400,
            "Invalid value for 'description': must not be null"),
        Arguments.of(
            """
            {"displayName":"ok","description":"%s","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{}}
            """
                .formatted("x".repeat(513)),
            400,
            "Invalid value for 'description': size must be between 0 and 512"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_MOOD",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{}}
            """,
            400,
            "Invalid value for 'conversationGroupingType': expected one of GROUP_BY_PROFILE, GROUP_BY_PARTICIPANT_ADDRESSES, GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"store-1","channelSettings":{}}
            """,
            400,
            "Invalid value for 'memoryStoreId': must match ^mem_(store|service)_[0-7][0-9a-z]{25}$"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"FAX":{}}}
            """,
            400,
            "Invalid value for 'channelSettings': expected one of VOICE, SMS, RCS, EMAIL, WHATSAPP, CHAT"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"SMS":{"statusTimeouts":{"inactive":0}}}}
            """,
            400,
            "Invalid value for 'channelSettings.SMS.statusTimeouts.inactive': must be greater than or equal to 1"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"SMS":{"statusTimeouts":{"closed":"soon"}}}}
            """,
            400,
            "Invalid value for 'channelSettings.SMS.statusTimeouts.closed': expected an integer"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"SMS":{"statusTimeouts":{"inactive":60,"closed":30}}}}
            """,
            400,
            "Invalid value for 'channelSettings.SMS.statusTimeouts': inactive (60) must be less than closed (30)"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",
             "channelSettings":{"SMS":{"statusTimeouts":{"inactive":5,"closed":30}},"EMAIL":{"statusTimeouts":{"inactive":30,"closed":30}}}}
            """,
            400,
            "Invalid value for 'channelSettings.EMAIL.statusTimeouts': inactive (30) must be less than closed (30)"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "redactionConfigurationId":"  "}
            """,
            400,
            "Invalid value for 'redactionConfigurationId': must not be blank"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "redactionConfigurationId":"%s"}
            """
                .formatted("r".repeat(129)),
            400,
            "Invalid value for 'redactionConfigurationId': size must be between 0 and 128"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "redactionConfigurationId":7}
            """,
            400,
            "Invalid value for 'redactionConfigurationId': expected a string"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"SMS":{"captureRules":[{"from":"*"}]}}}
            """,
            400,
            "Invalid value for 'channelSettings.SMS.captureRules[0].to': must not be null"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "statusCallbacks":[{"url":"https://a.example"},{"url":"https://b.example"},{"url":"https://c.example"}]}
            """,
            400,
            "Invalid value for 'statusCallbacks': size must be between 0 and 2"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "statusCallbacks":[{"url":"ftp://a.example/x"}]}
            """,
            400,
            "Invalid value for 'statusCallbacks[0].url': must be an absolute http(s) URL"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "statusCallbacks":[{"url":"https://a.example","method":"PUT"}]}
            """,
            400,
            "Invalid value for 'statusCallbacks[0].method': expected one of POST, GET"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "intelligenceConfigurationIds":["a","b","c","d","e","f"]}
            """,
            400,
            "Invalid value for 'intelligenceConfigurationIds': size must be between 0 and 5"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "memoryExtractionEnabled":"yes"}
            """,
            400,
            "Invalid value for 'memoryExtractionEnabled': expected a boolean"),
        Arguments.of(
            """
            {"displayName":"ok","description":"d","conversationGroupingType":"GROUP_BY_PROFILE",
             "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{},
             "conversationsV1Bridge":{"serviceId":"IS123"}}
            """,
            400,
            "Invalid value for 'conversationsV1Bridge.serviceId': must match ^IS[0-9a-f]{32}$"),
        Arguments.of(
            """
            {"displayName":
            """,
            400,
            "The request body is not valid JSON"),
        Arguments.of(
            """
            []
            """,
            400,
            "Invalid value for the request body: expected an object"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidBodies")
  void rejectsWithTheContractErrorBody(String body, int status, String message) {
    Api.bootstrap()
        .request()
        .body(body)
        .post("/v2/ControlPlane/Configurations")
        .then()
        .statusCode(status)
        .body("code", equalTo(Errors.code(status)))
        .body("status", equalTo(status))
        .body("message", equalTo(message))
        .body("more_info", equalTo("https://www.twilio.com/docs/errors/" + Errors.code(status)));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidBodies")
  void putAppliesTheSameRules(String body, int status, String message) {
    Api api = Api.bootstrap();
    String id = Fixtures.createConfiguration(api, VALID);
    if (message.contains("'displayName': must not be null")) {
      return; // displayName is optional on PUT (contract 4.5)
    }
    api.request()
        .body(body)
        .put("/v2/ControlPlane/Configurations/" + id)
        .then()
        .statusCode(status)
        .body("message", equalTo(message));
  }
}
