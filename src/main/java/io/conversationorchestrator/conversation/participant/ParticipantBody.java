package io.conversationorchestrator.conversation.participant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.List;

/** A participant as clients write it: POST (addresses required), PUT and inline on create. */
public record ParticipantBody(
    @Size(max = 256) String name,
    ParticipantType type,
    @Size(max = 64) String profileId,
    @NotNull(groups = OnCreate.class)
        @Size(min = 1, max = 20, groups = OnCreate.class)
        @Size(max = 20)
        List<@Valid @NotNull Address> addresses) {

  /** The rules of POST …/Participants, where addresses are required. */
  public interface OnCreate extends Default {}
}
