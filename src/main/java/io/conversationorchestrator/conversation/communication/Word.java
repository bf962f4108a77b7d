package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A transcribed word; times not given stay absent in answers (optional, not nullable). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Word(
    @NotNull @Size(max = 256) String text, OffsetDateTime startTime, OffsetDateTime endTime) {}
