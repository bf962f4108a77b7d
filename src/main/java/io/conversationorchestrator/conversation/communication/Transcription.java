package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Speech-to-text details; {@code channel} 0 is inbound, 1 outbound. Fields not given stay absent in
 * answers (optional, not nullable, for Twilio's agent tooling).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transcription(
    @Min(0) @Max(1) Integer channel,
    @DecimalMin("0.0") @DecimalMax("1.0") Double confidence,
    @Size(max = 64) String engine,
    @Size(max = 10_000) List<@Valid @NotNull Word> words) {}
