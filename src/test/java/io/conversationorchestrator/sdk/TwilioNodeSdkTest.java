package io.conversationorchestrator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Twilio's official Node SDK (twilio@6.3.1, pinned by src/test/node/package-lock.json) drives this
 * service: the suite in src/test/node runs under Node's test runner against the test instance, in a
 * fresh account so that the lists it reads hold only what it made.
 */
@QuarkusTest
class TwilioNodeSdkTest {
  private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(3);

  @TestHTTPResource("/")
  URL server;

  @Test
  void twilioNodeDrivesEveryResource() {
    NodeSuite.requireNode();
    NodeSuite.installIfStale();
    Api account = Api.newAccount();

    NodeSuite.Run run =
        NodeSuite.run(
            List.of("node", "--test", "--test-reporter=spec"),
            Map.of(
                "CONVERSATIONS_BASE_URL", server.toString().replaceFirst("/$", ""),
                "CONVERSATIONS_ACCOUNT_SID", account.accountSid(),
                "CONVERSATIONS_AUTH_TOKEN", account.authToken()),
            SUITE_TIMEOUT,
            true);
    System.out.println("[node] twilio-node suite: " + run.summary());

    assertThat(run.exitCode())
        .as("node --test in %s exited %d:%n%s", NodeSuite.DIRECTORY, run.exitCode(), run.output())
        .isZero();
  }
}
