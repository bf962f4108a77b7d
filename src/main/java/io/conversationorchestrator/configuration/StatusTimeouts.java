package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;

/**
 * Minutes of silence after which a conversation becomes INACTIVE and CLOSED, each measured from the
 * channel's last activity. The cap (10 years) keeps deadline arithmetic far from overflow. With
 * both given, {@code inactive} must be less than {@code closed} (twilio-node 6.3.1): a conversation
 * that would close before it goes inactive never goes inactive. {@code warnBeforeClose} (our
 * extension, absent unless set) asks for one CONVERSATION_CLOSE_WARNING that many minutes before
 * the close deadline; it needs {@code closed} and must be less than it. {@code basis} (our
 * extension, absent unless set: ANY) says whose activity drives the timers.
 */
@InactiveBeforeClosed
@WarningBeforeClose
public record StatusTimeouts(
    @Min(1) @Max(5_256_000) Integer inactive,
    @NotNull(groups = ClosedRequired.class) @Min(1) @Max(5_256_000) Integer closed,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(5_256_000) Integer warnBeforeClose,
    @JsonInclude(JsonInclude.Include.NON_NULL) TimerBasis basis) {

  public StatusTimeouts(Integer inactive, Integer closed) {
    this(inactive, closed, null, null);
  }

  public StatusTimeouts(Integer inactive, Integer closed, Integer warnBeforeClose) {
    this(inactive, closed, warnBeforeClose, null);
  }

  /** Absent means ANY. */
  public TimerBasis effectiveBasis() {
    return basis == null ? TimerBasis.ANY : basis;
  }

  /** The rules of a per-conversation override, where {@code closed} is required. */
  public interface ClosedRequired extends Default {}
}
