package io.conversationorchestrator.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

  @Test
  void missingCredentialsAre401WithChallengeAndErrorBody() {
    given()
        .get("/v2/ControlPlane/Configurations")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Basic realm="))
        .body("code", equalTo(20003))
        .body("status", equalTo(401))
        .body("message", equalTo("Authentication required: use HTTP Basic"));
  }

  @Test
  void wrongTokenIs401() {
    new Api(Api.bootstrap().accountSid(), "not-the-token")
        .request()
        .get("/v2/ControlPlane/Configurations")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Basic"))
        .body("message", equalTo("Authentication failed: invalid credentials"));
  }

  @Test
  void unknownAccountAndMalformedHeaderAre401() {
    new Api("AC0123456789abcdef0123456789abcdef", "x")
        .request()
        .get("/v2/Conversations")
        .then()
        .statusCode(401);
    given().header("Authorization", "Basic !!!").get("/v2/Conversations").then().statusCode(401);
  }

  @Test
  void apiKeyActsForItsAccountUntilRevoked() {
    Api account = Api.newAccount();
    var key =
        operator()
            .body("{\"friendlyName\":\"ci\"}")
            .post("/operator/Accounts/" + account.accountSid() + "/Keys")
            .then()
            .statusCode(201)
            .body("sid", startsWith("SK"))
            .extract()
            .jsonPath();
    Api viaKey = new Api(key.getString("sid"), key.getString("secret"));
    String id = Fixtures.createConfiguration(viaKey, Fixtures.seedConfiguration());
    account.request().get("/v2/ControlPlane/Configurations/" + id).then().statusCode(200);

    operator()
        .delete("/operator/Accounts/" + account.accountSid() + "/Keys/" + key.getString("sid"))
        .then()
        .statusCode(200)
        .body("revokedAt", org.hamcrest.Matchers.notNullValue());
    viaKey.request().get("/v2/ControlPlane/Configurations").then().statusCode(401);
  }

  @Test
  void anotherAccountsResourcesAreIndistinguishableFromMissingOnes() {
    Api owner = Api.newAccount();
    Api other = Api.newAccount();
    String configuration = Fixtures.createConfiguration(owner, Fixtures.seedConfiguration());
    String conversation =
        Fixtures.createConversation(owner, Fixtures.seedConversation(configuration));

    String missingMessage = "The requested Configuration " + configuration + " was not found";
    other
        .request()
        .get("/v2/ControlPlane/Configurations/" + configuration)
        .then()
        .statusCode(404)
        .body("code", equalTo(20404))
        .body("message", equalTo(missingMessage));
    other
        .request()
        .body("{}")
        .patch("/v2/ControlPlane/Configurations/" + configuration)
        .then()
        .statusCode(404);
    other
        .request()
        .delete("/v2/ControlPlane/Configurations/" + configuration)
        .then()
        .statusCode(404);
    other.request().get("/v2/Conversations/" + conversation).then().statusCode(404);
    other
        .request()
        .get("/v2/Conversations/" + conversation + "/Participants")
        .then()
        .statusCode(404);
    other
        .request()
        .body(Fixtures.seedConversation(configuration))
        .post("/v2/Conversations")
        .then()
        .statusCode(404);
    other
        .request()
        .get("/v2/ControlPlane/Configurations")
        .then()
        .statusCode(200)
        .body("configurations.size()", equalTo(0));
  }

  @Test
  void malformedIdsAre404NotServerErrors() {
    Api api = Api.bootstrap();
    for (String path :
        new String[] {
          "/v2/ControlPlane/Configurations/nope",
          "/v2/ControlPlane/Configurations/conv_configuration_zzzzzzzzzzzzzzzzzzzzzzzzzz",
          "/v2/ControlPlane/Operations/conv_configuration_01h455vb4pex5vsknk084sn02q",
          "/v2/Conversations/%E2%9C%93",
          "/v2/Conversations/conv_conversation_01h455vb4pex5vsknk084sn02q/Communications/x"
        }) {
      api.request().get(path).then().statusCode(404).body("code", equalTo(20404));
    }
  }

  @Test
  void operatorApiNeedsTheOperatorToken() {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/operator/Accounts")
        .then()
        .statusCode(401)
        .body("code", equalTo(20003));
    given()
        .header("Authorization", "Bearer wrong")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/operator/Accounts")
        .then()
        .statusCode(401);
  }

  @Test
  void operatorCannotCreateAnExistingAccountTwice() {
    Api account = Api.newAccount();
    operator()
        .body("{\"sid\":\"" + account.accountSid() + "\"}")
        .post("/operator/Accounts")
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", account.accountSid());
    account.request().get("/v2/Conversations").then().statusCode(200);
  }

  @Test
  void concurrentCreationsOfOneAccountEndInOneAccountAndConflicts() {
    // as replicas starting together all bootstrap the same account
    String sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    List<Integer> statuses =
        IntStream.range(0, 6)
            .parallel()
            .mapToObj(
                i ->
                    operator()
                        .body("{\"sid\":\"" + sid + "\"}")
                        .post("/operator/Accounts")
                        .then()
                        .extract()
                        .statusCode())
            .toList();
    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
  }

  private static io.restassured.specification.RequestSpecification operator() {
    return given()
        .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
        .contentType(ContentType.JSON);
  }
}
