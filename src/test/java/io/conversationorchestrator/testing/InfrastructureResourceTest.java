package io.conversationorchestrator.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The booted application got the shared infrastructure, and tests reach the same instances. */
@QuarkusTest
class InfrastructureResourceTest {

  @Test
  void applicationUsesTheSharedInfrastructure() {
    var config = ConfigProvider.getConfig();
    assertThat(config.getValue("kafka.bootstrap.servers", String.class))
        .isEqualTo(TestInfrastructure.kafka().bootstrapServers());
    assertThat(config.getValue("quarkus.datasource.reactive.url", String.class))
        .isEqualTo(TestInfrastructure.postgres().reactiveUrl());
  }

  @Test
  void applicationIsReadyAgainstPostgres() {
    given().when().get("/q/health/ready").then().statusCode(200);
  }
}
