package io.conversationorchestrator.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.conversationorchestrator.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With the broker down the API keeps accepting writes; their events wait in the outbox and all
 * reach Kafka once it is back, each conversation's in commit order. Readiness reports Kafka;
 * liveness does not.
 */
@QuarkusTest
class KafkaOutageTest {

  @Test
  void noEventIsLostAndOrderHoldsAcrossAnOutage() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("outage", "{}"));
    List<String> ids = new ArrayList<>();
    TestInfrastructure.kafka().stop();
    try {
      for (int i = 0; i < 200; i++) {
        String id =
            Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i));
        api.request()
            .body("{\"name\":\"renamed " + i + "\"}")
            .patch("/v2/Conversations/" + id)
            .then()
            .statusCode(200);
        ids.add(id);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> given().get("/q/health/ready").statusCode() == 503);
      given().get("/q/health/live").then().statusCode(200);
    } finally {
      TestInfrastructure.kafka().start();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
    try (TopicReader reader = new TopicReader("conversations")) {
      for (String id : ids) {
        var events = reader.await(id, Duration.ofSeconds(90), e -> distinct(e) >= 2);
        List<String> firstSeen =
            events.stream()
                .map(TopicReader.Event::ceId)
                .distinct()
                .map(
                    ceId ->
                        events.stream()
                            .filter(e -> e.ceId().equals(ceId))
                            .findFirst()
                            .orElseThrow()
                            .type())
                .toList();
        assertThat(firstSeen).containsExactly("CONVERSATION_CREATED", "CONVERSATION_UPDATED");
      }
    }
  }

  private static long distinct(List<TopicReader.Event> events) {
    return events.stream().map(TopicReader.Event::ceId).distinct().count();
  }
}
