package io.conversationorchestrator.drills;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quick versions of the fault drills, against the packaged jar (failsafe runs this in {@code
 * verify}, after {@code package}). The full versions are the scripts under {@code drills/}.
 */
class DrillsIT {

  @Test
  void killNine() {
    assertThat(new KillNineDrill().run(true).failures()).isEmpty();
  }

  @Test
  void kafkaOutage() {
    assertThat(new KafkaOutageDrill().run(true).failures()).isEmpty();
  }

  @Test
  void postgresRestart() {
    assertThat(new PostgresRestartDrill().run(true).failures()).isEmpty();
  }

  @Test
  void twoReplicas() {
    assertThat(new TwoReplicasDrill().run(true).failures()).isEmpty();
  }

  @Test
  void callbackSinks() {
    assertThat(new CallbackSinksDrill().run(true).failures()).isEmpty();
  }
}
