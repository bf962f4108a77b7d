package io.conversationorchestrator.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The console's session cookie and request rules, seen at the HTTP level. */
@QuarkusTest
class ConsoleSessionTest {

  private static Response signIn(Api api, String proto) {
    return given()
        .redirects()
        .follow(false)
        .header("X-Forwarded-Proto", proto)
        .formParam("username", api.accountSid())
        .formParam("secret", api.authToken())
        .post("/console/sign-in");
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndSecureBehindTls() {
    Api api = Api.newAccount();
    String plain = signIn(api, "http").then().statusCode(303).extract().header("Set-Cookie");
    assertThat(plain).contains("console_session=", "HttpOnly", "SameSite=Strict", "Path=/console");
    assertThat(plain).doesNotContainIgnoringCase("secure");
    given()
        .get("/console/sign-in")
        .then()
        .statusCode(200)
        .header(
            "Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
        .header("X-Frame-Options", "DENY")
        .header("Cache-Control", "no-store");
    String tls = signIn(api, "https").then().statusCode(303).extract().header("Set-Cookie");
    assertThat(tls).contains("HttpOnly", "SameSite=Strict").containsIgnoringCase("secure");
  }

  @Test
  void revokingTheKeyThatSignedInEndsTheSession() {
    Api account = Api.newAccount();
    var key =
        given()
            .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
            .contentType("application/json")
            .body("{\"friendlyName\":\"console\"}")
            .post("/operator/Accounts/" + account.accountSid() + "/Keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String cookie =
        signIn(new Api(key.getString("sid"), key.getString("secret")), "http")
            .getCookie("console_session");
    given().cookie("console_session", cookie).get("/console/conversations").then().statusCode(200);

    given()
        .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
        .delete("/operator/Accounts/" + account.accountSid() + "/Keys/" + key.getString("sid"))
        .then()
        .statusCode(200);
    given()
        .cookie("console_session", cookie)
        .redirects()
        .follow(false)
        .get("/console/conversations")
        .then()
        .statusCode(303);
    given()
        .cookie("console_session", cookie)
        .get("/console/conversations/counts/live")
        .then()
        .statusCode(401);
  }

  @Test
  void withoutASessionPagesRedirectAndActionsAreRefused() {
    given().redirects().follow(false).get("/console/conversations").then().statusCode(303);
    given()
        .cookie("console_session", "forged.value")
        .redirects()
        .follow(false)
        .get("/console/conversations")
        .then()
        .statusCode(303);
    given().formParam("csrf", "x").post("/console/sign-out").then().statusCode(401);
  }

  @Test
  void mutationsNeedTheSessionsTokenAndThisSitesOrigin() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    String cookie = signIn(api, "http").getCookie("console_session");
    given()
        .cookie("console_session", cookie)
        .formParam("csrf", "wrong")
        .post("/console/conversations/" + id + "/close")
        .then()
        .statusCode(403);
    given()
        .cookie("console_session", cookie)
        .header("Origin", "https://evil.example")
        .formParam("csrf", "wrong")
        .post("/console/conversations/" + id + "/close")
        .then()
        .statusCode(403);
    api.request().get("/v2/Conversations/" + id).then().statusCode(200);
    assertThat(api.request().get("/v2/Conversations/" + id).jsonPath().getString("status"))
        .isEqualTo("ACTIVE");
  }

  @Test
  void theListFiltersByNameAndStatusAndRefusesBadFilters() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    Fixtures.createConversation(
        api,
        Fixtures.customerConversation(configuration, 1).replace("Support chat for Kiran", "Alpha"));
    Fixtures.createConversation(
        api,
        Fixtures.customerConversation(configuration, 2).replace("Support chat for Kiran", "Beta"));
    String cookie = signIn(api, "http").getCookie("console_session");
    String page =
        given()
            .cookie("console_session", cookie)
            .queryParam("name", "alp")
            .queryParam("status", "ACTIVE")
            .queryParam("channel", "SMS")
            .queryParam("configuration", configuration)
            .get("/console/conversations")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page).contains("Alpha").doesNotContain(">Beta<");
    String closed =
        given()
            .cookie("console_session", cookie)
            .queryParam("status", "CLOSED")
            .get("/console/conversations")
            .asString();
    assertThat(closed).contains("No conversations match.");
    given()
        .cookie("console_session", cookie)
        .queryParam("from", "yesterday")
        .get("/console/conversations")
        .then()
        .statusCode(400);
  }

  @Test
  void snoozingFromTheConsoleIsTheApisSnooze() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    String cookie = signIn(api, "http").getCookie("console_session");
    String html =
        given().cookie("console_session", cookie).get("/console/conversations/" + id).asString();
    String csrf = html.replaceAll("(?s).*name=\"csrf-token\" content=\"([^\"]+)\".*", "$1");
    given()
        .cookie("console_session", cookie)
        .redirects()
        .follow(false)
        .formParam("csrf", csrf)
        .formParam("minutes", "30")
        .post("/console/conversations/" + id + "/snooze")
        .then()
        .statusCode(303);
    assertThat(api.request().get("/v2/Conversations/" + id).jsonPath().getString("snoozedUntil"))
        .isNotNull();
  }

  @Test
  void anotherAccountsConversationAnswers404() {
    Api other = Api.newAccount();
    String configuration = Fixtures.createConfiguration(other, Fixtures.seedConfiguration());
    String theirs = Fixtures.createConversation(other, Fixtures.seedConversation(configuration));
    String cookie = signIn(Api.newAccount(), "http").getCookie("console_session");
    given()
        .cookie("console_session", cookie)
        .get("/console/conversations/" + theirs)
        .then()
        .statusCode(404);
    given()
        .cookie("console_session", cookie)
        .get("/console/conversations/" + theirs + "/timeline")
        .then()
        .statusCode(404);
  }
}
