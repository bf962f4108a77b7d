package io.conversationorchestrator.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** A REST client acting for one account, as a Twilio SDK would (HTTP Basic, JSON bodies). */
public record Api(String accountSid, String authToken) {
  public static final String OPERATOR_TOKEN = "test-operator-token";

  /** The bootstrap account of the test profile. */
  public static Api bootstrap() {
    return new Api("AC00000000000000000000000000000001", "test-bootstrap-token");
  }

  /** A fresh account created through the operator API: tests stay isolated from each other. */
  public static Api newAccount() {
    var created =
        given()
            .header("Authorization", "Bearer " + OPERATOR_TOKEN)
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/operator/Accounts")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Api(created.getString("sid"), created.getString("authToken"));
  }

  public RequestSpecification request() {
    return given().auth().preemptive().basic(accountSid, authToken).contentType(ContentType.JSON);
  }

  public RequestSpecification idempotent(String key) {
    return request().header("Idempotency-Key", key);
  }

  public static String newKey() {
    return UUID.randomUUID().toString();
  }
}
