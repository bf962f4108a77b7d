package io.conversationorchestrator.api.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.json.StrictJson;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a page token carries: the keyset boundary, the direction, and the filters of the first
 * request (twilio-java drops filters on later pages, so the token must remember them).
 */
public record PageToken(
    @JsonProperty("b") boolean backward,
    @JsonProperty("k") String boundary,
    @JsonProperty("f") Map<String, List<String>> filters) {

  // strict: a forged token's filters must not carry what PostgreSQL cannot take (NUL)
  private static final ObjectMapper JSON = StrictJson.standalone();

  public String encode() {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static PageToken decode(String token) {
    try {
      PageToken decoded = JSON.readValue(Base64.getUrlDecoder().decode(token), PageToken.class);
      if (decoded.boundary() == null || decoded.filters() == null) {
        throw invalid();
      }
      return decoded;
    } catch (IOException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.invalid("Invalid value for 'pageToken': not a token this service issued");
  }
}
