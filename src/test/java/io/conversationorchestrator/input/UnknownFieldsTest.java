package io.conversationorchestrator.input;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every request body is strict about its fields: a field the contract does not define, at the top
 * or nested, answers 400 naming it with its path, and nothing is stored. The contract's free-form
 * maps (conversation and capture-rule {@code metadata}) take any key.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownFieldsTest {
  private static final String STORE = "mem_store_01k1etx3jbfx88476ccja0889d";
  private static final String CONFIG =
      "\"displayName\":\"x\",\"description\":\"d\",\"conversationGroupingType\":\"GROUP_BY_PROFILE\",\"memoryStoreId\":\""
          + STORE
          + "\"";
  private static final String SMS = "{\"channel\":\"SMS\",\"address\":\"+15557770100\"";
  private static final String MESSAGE_HEAD =
      "\"author\":{\"address\":\"+15551234567\",\"channel\":\"SMS\"},\"recipients\":[{\"address\":\"+15550001111\",\"channel\":\"SMS\"}]";

  @Inject Pool pool;
  private StoredAccount account;

  @BeforeEach
  void createAccountWithData() {
    if (account == null) {
      account = StoredAccount.create();
    }
  }

  @ParameterizedTest(name = "{0} {1}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"colour":"red"} | Unknown field 'colour'
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"channelSettings":{"SMS":{"statusTimeout":{"closed":60}}}} | Unknown field 'channelSettings.SMS.statusTimeout'
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"channelSettings":{"SMS":{"statusTimeouts":{"closed":60,"idle":5}}}} | Unknown field 'channelSettings.SMS.statusTimeouts.idle'
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"channelSettings":{"SMS":{"captureRules":[{"from":"*","to":"*","priority":1}]}}} | Unknown field 'channelSettings.SMS.captureRules[0].priority'
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"statusCallbacks":[{"url":"https://example.com/cb","methd":"GET"}]} | Unknown field 'statusCallbacks[0].methd'
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"conversationsV1Bridge":{"serviceId":"IS00000000000000000000000000000000","region":"us1"}} | Unknown field 'conversationsV1Bridge.region'
          PUT   | /v2/ControlPlane/Configurations/$CONFIGURATION | {$CONFIG,"channelSettings":{},"colour":"red"} | Unknown field 'colour'
          PUT   | /v2/ControlPlane/Configurations/$CONFIGURATION | {$CONFIG,"channelSettings":{"SMS":{"statusTimeouts":{"closed":60,"idle":5}}}} | Unknown field 'channelSettings.SMS.statusTimeouts.idle'
          PATCH | /v2/ControlPlane/Configurations/$CONFIGURATION | {"displayName":"y","colour":"red"} | Unknown field 'colour'
          PATCH | /v2/ControlPlane/Configurations/$CONFIGURATION | {"channelSettings":{"SMS":{"statusTimeouts":{"closed":60,"idle":5}}}} | Unknown field 'channelSettings.SMS.statusTimeouts.idle'
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","nmae":"x"} | Unknown field 'nmae'
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","participants":[{"nickname":"x","addresses":[$SMS}]}]} | Unknown field 'participants[0].nickname'
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","participants":[{"addresses":[$SMS,"chanelId":"x"}]}]} | Unknown field 'participants[0].addresses[0].chanelId'
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","configuration":{"intelligenceConfigurationId":["x"]}} | Unknown field 'configuration.intelligenceConfigurationId'
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","configuration":{"workflows":[{"flowId":"FW00000000000000000000000000000000","version":2}]}} | Unknown field 'configuration.workflows[0].version'
          PUT   | /v2/Conversations/$CONVERSATION | {"status":"ACTIVE","colour":"red"} | Unknown field 'colour'
          PATCH | /v2/Conversations/$CONVERSATION | {"name":"y","colour":"red"} | Unknown field 'colour'
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":{"statusCallbacks":[{"url":"https://example.com/cb","metod":"GET"}]}} | Unknown field 'configuration.statusCallbacks[0].metod'
          POST  | /v2/Conversations/$CONVERSATION/Participants | {"nmae":"x","addresses":[$SMS}]} | Unknown field 'nmae'
          POST  | /v2/Conversations/$CONVERSATION/Participants | {"addresses":[$SMS,"chanelId":"x"}]} | Unknown field 'addresses[0].chanelId'
          PUT   | /v2/Conversations/$CONVERSATION/Participants/$PARTICIPANT | {"name":"x","role":"y"} | Unknown field 'role'
          PUT   | /v2/Conversations/$CONVERSATION/Participants/$PARTICIPANT | {"addresses":[$SMS,"primary":true}]} | Unknown field 'addresses[0].primary'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {$MESSAGE,"content":{"type":"TEXT","text":"x"},"direction":"INBOUND"} | Unknown field 'direction'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {"author":{"address":"+15551234567","channel":"SMS","name":"K"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS"}]} | Unknown field 'author.name'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {$MESSAGE,"content":{"type":"TEXT","text":"x","media":[]}} | Unknown field 'content.media'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {$MESSAGE,"content":{"type":"TRANSCRIPTION","text":"x","transcription":{"channel":0,"language":"en"}}} | Unknown field 'content.transcription.language'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {$MESSAGE,"content":{"type":"TRANSCRIPTION","text":"x","transcription":{"words":[{"text":"x","speaker":1}]}}} | Unknown field 'content.transcription.words[0].speaker'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {"author":{"address":"+15551234567","channel":"SMS"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS","status":"SENT"}]} | Unknown field 'recipients[0].status'
          POST  | /v2/Ingest/Communications | {"conversationId":"$CONVERSATION","channel":"SMS","from":"+15551234567","to":"+15550001111","content":{"type":"TEXT","text":"x"},"tenant":"x"} | Unknown field 'tenant'
          POST  | /v2/Ingest/Communications | {"conversationId":"$CONVERSATION","channel":"SMS","from":"+15551234567","to":"+15550001111","content":{"type":"TEXT","txet":"x"}} | Unknown field 'content.txet'
          POST  | /operator/Accounts | {"friendlyName":"x","plan":"gold"} | Unknown field 'plan'
          POST  | /operator/Accounts/$ACCOUNT/Keys | {"friendlyName":"x","scopes":[]} | Unknown field 'scopes'
          """)
  void anUnknownFieldIsRefusedAndNothingIsStored(
      String method, String path, String body, String message) {
    Map<String, String> before = StoredRows.of(pool, account.api().accountSid());
    assertErrorBody(caller(path).body(fill(body)).request(method, fill(path)).then(), 400, message);
    assertThat(StoredRows.of(pool, account.api().accountSid())).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST  | /v2/ControlPlane/Configurations | {$CONFIG,"channelSettings":{"VOICE":{"captureRules":[{"from":"*","to":"*","metadata":{"callType":"PSTN","anyKey":"x"}}]}}} | 202
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","metadata":{"anyKey":"x","other.key":"y"}} | 201
          PATCH | /v2/Conversations/$CONVERSATION | {"metadata":{"yetAnotherKey":"z"}} | 200
          """)
  void theContractsFreeFormMapsTakeAnyKey(String method, String path, String body, int status) {
    caller(path).body(fill(body)).request(method, fill(path)).then().statusCode(status);
  }

  private RequestSpecification caller(String path) {
    return path.startsWith("/operator")
        ? given()
            .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
            .contentType(ContentType.JSON)
        : account.api().request();
  }

  private String fill(String text) {
    return text.replace("$CONFIGURATION", account.configurationId())
        .replace("$CONVERSATION", account.conversationId())
        .replace("$PARTICIPANT", account.participantId())
        .replace("$ACCOUNT", account.api().accountSid())
        .replace("$CONFIG", CONFIG)
        .replace("$SMS", SMS)
        .replace("$MESSAGE", MESSAGE_HEAD);
  }
}
