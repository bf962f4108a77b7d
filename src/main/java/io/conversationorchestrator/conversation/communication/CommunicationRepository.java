package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.paging.PageQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommunicationRepository implements PanacheRepositoryBase<CommunicationEntity, UUID> {

  public Uni<CommunicationEntity> findInConversation(UUID conversationId, UUID id) {
    return find("id = ?1 and conversationId = ?2", id, conversationId).firstResult();
  }

  public Uni<CommunicationEntity> findByResourceId(UUID conversationId, String resourceId) {
    return find("conversationId = ?1 and resourceId = ?2", conversationId, resourceId)
        .firstResult();
  }

  /** In the order things happened: occurredAt, then id; keyset-paged on both. */
  public Uni<List<CommunicationEntity>> page(UUID conversationId, PageQuery query) {
    StringBuilder where = new StringBuilder("conversationId = :conversation");
    Parameters params = Parameters.with("conversation", conversationId);
    String channelId = query.filter("channelId");
    if (channelId != null) {
      where.append(" and channelId = :channelId");
      params.and("channelId", channelId);
    }
    if (query.boundary() != null) {
      String[] boundary = splitBoundary(query.boundary());
      String op = query.backward() ? "<" : ">";
      where.append(" and (occurredAt " + op + " :at or (occurredAt = :at and id " + op + " :id))");
      params.and("at", Instant.parse(boundary[0])).and("id", UUID.fromString(boundary[1]));
    }
    String direction = query.backward() ? " desc" : " asc";
    String order = " order by occurredAt" + direction + ", id" + direction;
    return find(where + order, params).range(0, query.fetchSize() - 1).list();
  }

  static String boundaryOf(CommunicationEntity e) {
    return e.occurredAt + "|" + e.id;
  }

  private static String[] splitBoundary(String boundary) {
    String[] parts = boundary.split("\\|");
    try {
      if (parts.length == 2) {
        Instant.parse(parts[0]);
        UUID.fromString(parts[1]);
        return parts;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw ApiException.invalid("Invalid value for 'pageToken': not a token this service issued");
  }
}
