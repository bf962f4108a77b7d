package io.conversationorchestrator.action;

import java.time.Instant;
import java.util.UUID;

/**
 * An action row as {@link ActionRepository} reads and writes it with the reactive SQL client; the
 * documents ({@code request}, {@code related}) are jsonb columns.
 */
public class Action {
  public UUID id;
  public String accountSid;
  public UUID conversationId;
  public ActionType type;
  public ActionStatus status;
  public SendMessageCommand request;
  public ActionRelated related;
  public String failureReason;
  public Instant expiresAt;
  public Instant createdAt;
  public Instant updatedAt;
  public Instant completedAt;
}
