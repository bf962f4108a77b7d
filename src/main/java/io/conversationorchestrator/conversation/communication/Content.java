package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The tagged union {@code TEXT {text}} | {@code TRANSCRIPTION {text, transcription?}}; an absent
 * transcription stays absent in answers (optional, not nullable, for Twilio's agent tooling).
 */
public record Content(
    @NotNull ContentType type,
    @NotNull @Size(max = 32_768) String text,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Valid Transcription transcription) {

  @JsonIgnore
  @AssertTrue(message = "'transcription' is only allowed on TRANSCRIPTION content")
  public boolean isTranscriptionAllowed() {
    return transcription == null || type == ContentType.TRANSCRIPTION;
  }
}
