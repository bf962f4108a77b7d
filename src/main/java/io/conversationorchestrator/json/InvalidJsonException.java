package io.conversationorchestrator.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A body that is well-formed JSON text at most but breaks a strict rule; its message is safe to
 * show the client (it names the field, never a class).
 */
public class InvalidJsonException extends JsonParseException {
  private final String field;

  InvalidJsonException(JsonParser parser, String field, String message) {
    super(parser, message);
    this.field = field;
  }

  /** The field's path as the client wrote it, e.g. {@code participants[0].name}; may be empty. */
  public String field() {
    return field;
  }

  /** The message for the error body, without Jackson's location suffix. */
  public String clientMessage() {
    return getOriginalMessage();
  }
}
