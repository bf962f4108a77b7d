package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTargetTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "OK",
      textBlock =
          """
          /v2/Conversations                                 | OK
          /v2/Conversations?status=ACTIVE&status=INACTIVE   | OK
          /v2/Conversations?channelId=a%20b+c&x=&y          | OK
          /v2/Conversations?channelId=%C3%A9                | OK
          /v2/Conversations?channelId=%F0%9F%98%80          | OK
          /v2/Conversations?channelId=%00                   | Invalid query parameter 'channelId': NUL characters are not allowed
          /v2/Conversations?a%00=1                          | Invalid query parameter 'a\u0000': NUL characters are not allowed
          /v2/Conversations?x=%                             | Invalid query parameter 'x': malformed percent-encoding or not UTF-8
          /v2/Conversations?x=%4                            | Invalid query parameter 'x': malformed percent-encoding or not UTF-8
          /v2/Conversations?x=%ZZ                           | Invalid query parameter 'x': malformed percent-encoding or not UTF-8
          /v2/Conversations?%ZZ=1                           | Invalid query parameter '%ZZ': malformed percent-encoding or not UTF-8
          /v2/Conversations?x=%C0%AF                        | Invalid query parameter 'x': malformed percent-encoding or not UTF-8
          /v2/Conversations?x=%ED%A0%80                     | Invalid query parameter 'x': malformed percent-encoding or not UTF-8
          /v2/Conversations?x=%FF                           | Invalid query parameter 'x': malformed percent-encoding or not UTF-8
          /v2/Conversations/%00                             | Invalid request path: NUL characters are not allowed
          /v2/Conversations/%G1                             | Invalid request path: malformed percent-encoding or not UTF-8
          """)
  void checksPathAndQuery(String target, String message) {
    ApiException problem = RequestTarget.problem(target);
    assertThat(problem == null ? null : problem.getMessage()).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0} characters")
  @CsvSource({"8192, 200", "8193, 414"})
  void limitsTheLength(int length, int status) {
    String target = "/v2/Conversations?pageToken=";
    target += "a".repeat(length - target.length());
    ApiException problem = RequestTarget.problem(target);
    assertThat(problem == null ? 200 : problem.error().status()).isEqualTo(status);
  }
}
