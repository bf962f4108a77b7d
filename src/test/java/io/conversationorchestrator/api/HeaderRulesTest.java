package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderRulesTest {
  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of("Idempotency-Key", "8c1d-…-é", null),
        Arguments.of("X-Custom_Header.1~", "a\tb", null),
        Arguments.of(
            "Idempotency-Key",
            "a\u0000b",
            "Invalid header 'Idempotency-Key': NUL characters are not allowed"),
        Arguments.of(
            "Idempotency-Key",
            "a\u0001b",
            "Invalid header 'Idempotency-Key': control characters are not allowed"),
        Arguments.of(
            "Idempotency-Key",
            "a\u007fb",
            "Invalid header 'Idempotency-Key': control characters are not allowed"),
        Arguments.of("Bad Name", "x", "Invalid header name 'Bad?Name'"),
        Arguments.of("Bad(Name", "x", "Invalid header name 'Bad(Name'"),
        Arguments.of("", "x", "Invalid header name ''"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("headers")
  void followsRfc9110(String name, String value, String problem) {
    assertThat(HeaderRules.problem(name, value)).isEqualTo(problem);
  }
}
