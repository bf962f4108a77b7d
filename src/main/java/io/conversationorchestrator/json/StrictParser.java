package io.conversationorchestrator.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks every token as it is read, so a body is parsed once: names and strings must be storable
 * text ({@link TextRules}) and no object may repeat a key. Every way of advancing goes through
 * {@link #nextToken()}, so databind's fast paths and skips cannot bypass the checks.
 */
final class StrictParser extends JsonParserDelegate {
  private final Deque<Set<String>> keysByObject = new ArrayDeque<>();

  StrictParser(JsonParser delegate) {
    super(delegate);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token == null) {
      return null;
    }
    switch (token) {
      case START_OBJECT -> keysByObject.push(new HashSet<>());
      case END_OBJECT -> keysByObject.pop();
      case FIELD_NAME -> checkKey(delegate.currentName());
      case VALUE_STRING -> checkText();
      default -> {}
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken current = currentToken();
    if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
      return this;
    }
    for (int depth = 1; depth > 0; ) {
      JsonToken token = nextToken();
      if (token == null) {
        return this;
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
    return this;
  }

  private void checkKey(String name) throws IOException {
    String problem = TextRules.problem(name);
    if (problem != null) {
      throw invalid("Invalid field name in " + describe(parentPath()) + ": " + problem);
    }
    if (!keysByObject.isEmpty() && !keysByObject.peek().add(name)) {
      throw invalid("Duplicate field '" + FieldPath.of(getParsingContext()) + "'");
    }
  }

  private void checkText() throws IOException {
    String problem =
        TextRules.problem(
            delegate.getTextCharacters(), delegate.getTextOffset(), delegate.getTextLength());
    if (problem != null) {
      throw invalid(
          "Invalid value for " + describe(FieldPath.of(getParsingContext())) + ": " + problem);
    }
  }

  private String parentPath() {
    JsonStreamContext parent = getParsingContext().getParent();
    return parent == null ? "" : FieldPath.of(parent);
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the request body" : "'" + path + "'";
  }

  private InvalidJsonException invalid(String message) {
    return new InvalidJsonException(this, FieldPath.of(getParsingContext()), message);
  }
}
