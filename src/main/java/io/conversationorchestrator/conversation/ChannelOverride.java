package io.conversationorchestrator.conversation;

import io.conversationorchestrator.configuration.ResponseSla;
import io.conversationorchestrator.configuration.StatusTimeouts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A channel's timers for one conversation ({@code closed} required, {@code inactive} less than it),
 * replacing that channel's timers of the configuration. Capture rules route passive traffic to a
 * configuration, so they exist only there: given here they are refused, not ignored. {@code
 * responseSla} (our extension) replaces that channel's SLAs; absent keeps the configuration's.
 */
public record ChannelOverride(
    @NotNull @Valid @ConvertGroup(from = Default.class, to = StatusTimeouts.ClosedRequired.class)
        StatusTimeouts statusTimeouts,
    @Schema(hidden = true)
        @Null(message = "capture rules can only be set on a Configuration, not on a conversation")
        Object captureRules,
    @Valid ResponseSla responseSla) {}
