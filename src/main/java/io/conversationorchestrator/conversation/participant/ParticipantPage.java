package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {participants: [...], meta: {...}}}. */
public record ParticipantPage(List<ParticipantResponse> participants, PageMeta meta) {
  public static final String KEY = "participants";

  public static ParticipantPage of(Page<ParticipantResponse> page) {
    return new ParticipantPage(page.items(), page.meta());
  }
}
