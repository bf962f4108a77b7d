package io.conversationorchestrator.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sender URLs are checked when the service starts: a bad one stops it instead of losing commands.
 */
class SendersTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      textBlock =
          """
          FAX,      https://adapter.example.com/fax,  not a channel
          SMS,      ftp://adapter.example.com/sms,    not an absolute http(s) URL
          SMS,      /sms,                             not an absolute http(s) URL
          WHATSAPP, https://,                         not an absolute http(s) URL
          """)
  void aBadSenderStopsTheService(String key, String url, String problem) {
    assertThatThrownBy(() -> new Senders(config(Map.of(key, url))))
        .hasMessage("orchestrator.actions.senders." + key + ": " + problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          SMS,   SMS
          "SMS", SMS
          sms,   SMS
          """)
  void aSenderIsFoundByItsChannel(String key, String channel) {
    Senders senders = new Senders(config(Map.of(key, "https://adapter.example.com/sms")));
    assertThat(senders.urlFor(channel)).contains("https://adapter.example.com/sms");
    assertThat(senders.urlFor("WHATSAPP")).isEmpty();
  }

  private static ActionsConfig config(Map<String, String> senders) {
    return new ActionsConfig() {
      @Override
      public Duration timeout() {
        return Duration.ofMinutes(5);
      }

      @Override
      public Map<String, String> senders() {
        return senders;
      }

      @Override
      public Duration sweepInterval() {
        return Duration.ofSeconds(1);
      }

      @Override
      public int sweepBatchSize() {
        return 200;
      }

      @Override
      public boolean sweeperEnabled() {
        return true;
      }

      @Override
      public String resultsTopic() {
        return "conversation-action-results";
      }

      @Override
      public String resultsDeadLetterTopic() {
        return "conversation-action-results-dlq";
      }
    };
  }
}
