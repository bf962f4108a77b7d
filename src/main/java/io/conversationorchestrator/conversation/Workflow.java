package io.conversationorchestrator.conversation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A Studio flow the conversation runs (beta in the contract); stored and returned as given. */
public record Workflow(
    @NotNull @Pattern(regexp = "^FW[0-9a-fA-F]{32}$", message = "must match ^FW[0-9a-fA-F]{32}$")
        String flowId) {}
