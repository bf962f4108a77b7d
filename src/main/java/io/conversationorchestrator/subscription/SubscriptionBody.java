package io.conversationorchestrator.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conversationorchestrator.configuration.CallbackEvents;
import io.conversationorchestrator.configuration.CallbackMethod;
import io.conversationorchestrator.configuration.StatusCallback;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as clients write it: the body of create, and what a PATCH is merged into before
 * the same rules check it. The URL rules are the status callbacks'; {@code method} defaults to
 * POST; {@code events} absent means all ({@code []} is refused, as on callbacks); {@code
 * configurationId} absent means every conversation of the account.
 */
public record SubscriptionBody(
    @NotNull
        @Size(max = StatusCallback.URL_MAX)
        @Pattern(regexp = StatusCallback.URL_PATTERN, message = StatusCallback.URL_MESSAGE)
        String url,
    CallbackMethod method,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Size(min = 1, max = StatusCallback.EVENTS_MAX)
        List<@NotNull @CallbackEvents String> events,
    String configurationId) {

  public SubscriptionBody {
    method = method == null ? CallbackMethod.POST : method;
  }
}
