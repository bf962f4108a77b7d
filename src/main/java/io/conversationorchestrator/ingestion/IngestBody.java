package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.conversation.Channel;
import io.conversationorchestrator.conversation.communication.Author;
import io.conversationorchestrator.conversation.communication.CommunicationBody;
import io.conversationorchestrator.conversation.communication.Content;
import io.conversationorchestrator.conversation.communication.Recipient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A communication to route: where it belongs ({@code conversationId} and/or {@code
 * configurationId}), who it is between ({@code channel}, {@code from}, {@code to}), and the
 * communication itself. {@code author} and {@code recipients} default to {@code from} and {@code
 * to}. A voice adapter may send a {@code callEvent} instead of content: it attaches the call to its
 * conversation (found or created) without adding a communication. {@code accountId} is read only on
 * the Kafka path, where there is no HTTP authentication.
 */
public record IngestBody(
    @Size(max = 64) String accountId,
    @Size(max = 64) String conversationId,
    @Size(max = 64) String configurationId,
    @NotNull Channel channel,
    @NotNull @Size(min = 1, max = 256) String from,
    @NotNull @Size(min = 1, max = 256) String to,
    Direction direction,
    Routing routing,
    @Size(max = 8) Map<@Size(max = 64) String, @NotNull @Size(max = 256) String> metadata,
    @Valid Author author,
    CallEvent callEvent,
    @Valid Content content,
    @Size(max = 128) String channelId,
    @Size(min = 1, max = 256) String resourceId,
    @Size(max = 100) List<@Valid @NotNull Recipient> recipients,
    OffsetDateTime occurredAt) {

  public Direction directionOrDefault() {
    return direction == null ? Direction.INBOUND : direction;
  }

  public Routing routingOrDefault() {
    return routing == null ? Routing.CAPTURE : routing;
  }

  public Map<String, String> metadataOrEmpty() {
    return metadata == null ? Map.of() : metadata;
  }

  /** The customer's address: the side that is not the business's own number. */
  public String customerAddress() {
    return directionOrDefault() == Direction.INBOUND ? from : to;
  }

  public String agentAddress() {
    return directionOrDefault() == Direction.INBOUND ? to : from;
  }

  public CommunicationBody communication() {
    Author by = author != null ? author : new Author(from, channel, null);
    List<Recipient> to =
        recipients != null && !recipients.isEmpty()
            ? recipients
            : List.of(new Recipient(this.to, channel, null, null));
    return new CommunicationBody(by, content, channelId, resourceId, to, occurredAt);
  }
}
