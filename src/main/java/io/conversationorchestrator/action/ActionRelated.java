package io.conversationorchestrator.action;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an action led to; keys are absent until known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionRelated(String messageSid, String communicationId) {
  static final ActionRelated NONE = new ActionRelated(null, null);
}
