package io.conversationorchestrator.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.configuration.CallbackMethod;
import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it: {@code events} absent means all, as stored. */
public record SubscriptionResponse(
    String id,
    String accountId,
    String url,
    CallbackMethod method,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> events,
    String configurationId,
    Instant createdAt,
    Instant updatedAt) {

  static SubscriptionResponse of(SubscriptionEntity e) {
    return new SubscriptionResponse(
        ResourceType.SUBSCRIPTION.format(e.id),
        e.accountSid,
        e.url,
        e.method,
        e.eventTypes(),
        e.configurationId == null ? null : ResourceType.CONFIGURATION.format(e.configurationId),
        e.createdAt,
        e.updatedAt);
  }

  /** The body this subscription would be created with, the base a PATCH is merged into. */
  SubscriptionBody toBody() {
    return new SubscriptionBody(url, method, events, configurationId);
  }
}
