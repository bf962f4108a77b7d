package io.conversationorchestrator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v2.Configuration;
import com.twilio.rest.conversations.v2.Operation;
import java.net.URI;
import java.util.Map;

/** Steps and checks the twilio-java test shares: operations, errors, a ready configuration. */
final class JavaSdkChecks {
  private JavaSdkChecks() {}

  /** A configuration created through Configuration.creator(), its operation completed. */
  static String createConfiguration(TwilioRestClient client) {
    var accepted =
        Configuration.creator()
            .setCreateConfigurationRequest(JavaSdkBodies.configuration())
            .create(client);
    assertCompleted(client, accepted.getStatusUrl(), accepted.getRelated());
    return accepted.getRelated().get("configurationId");
  }

  /** The operation behind a 202 (last segment of its statusUrl) completed, naming the resource. */
  static void assertCompleted(TwilioRestClient client, URI statusUrl, Map<String, String> related) {
    String path = statusUrl.getPath();
    var operation = Operation.fetcher(path.substring(path.lastIndexOf('/') + 1)).fetch(client);
    assertThat(operation.getStatus().toString()).isEqualTo("COMPLETED");
    assertThat(operation.getStatusUrl()).isEqualTo(statusUrl);
    assertThat(operation.getRelated()).isEqualTo(related);
    assertThat(operation.getCompletedAt()).isNotNull();
  }

  /** The call fails with an ApiException of this HTTP status and error code. */
  static void assertError(Runnable call, int status, int code) {
    ApiException error = catchThrowableOfType(ApiException.class, call::run);
    assertThat(error).as("expected HTTP %d", status).isNotNull();
    assertThat(error.getStatusCode()).as(error.getMessage()).isEqualTo(status);
    assertThat(error.getCode()).as(error.getMessage()).isEqualTo(code);
    assertThat(error.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
  }
}
