package io.conversationorchestrator.callback;

import io.conversationorchestrator.action.Senders;
import io.conversationorchestrator.configuration.CallbackMethod;
import io.conversationorchestrator.configuration.StatusCallback;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Where an action command is delivered: by POST to the sender URL configured for its channel, or
 * nowhere when none is (adapters may read the actions topic instead).
 */
@ApplicationScoped
class CommandTargets {
  private final Senders senders;

  CommandTargets(Senders senders) {
    this.senders = senders;
  }

  List<StatusCallback> of(InboundEvent command) {
    return senders
        .urlFor(command.commandChannel())
        .map(url -> List.of(new StatusCallback(url, CallbackMethod.POST)))
        .orElse(List.of());
  }
}
