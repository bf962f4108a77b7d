package io.conversationorchestrator.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** A JSON document written out verbatim, e.g. a stored answer being replayed. */
public record RawJson(@JsonRawValue @JsonValue String json) {}
