package io.conversationorchestrator.configuration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Minutes of silence after which a conversation becomes INACTIVE and CLOSED, each measured from the
 * channel's last activity. The cap (10 years) keeps deadline arithmetic far from overflow.
 */
public record StatusTimeouts(
    @Min(1) @Max(5_256_000) Integer inactive, @Min(1) @Max(5_256_000) Integer closed) {}
