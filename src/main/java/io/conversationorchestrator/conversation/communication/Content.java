package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The tagged union {@code TEXT {text}} | {@code TRANSCRIPTION {text, transcription?}}. */
public record Content(
    @NotNull ContentType type,
    @NotNull @Size(max = 32_768) String text,
    @Valid Transcription transcription) {

  @JsonIgnore
  @AssertTrue(message = "'transcription' is only allowed on TRANSCRIPTION content")
  public boolean isTranscriptionAllowed() {
    return transcription == null || type == ContentType.TRANSCRIPTION;
  }
}
