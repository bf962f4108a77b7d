package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.paging.PageQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<ParticipantEntity, UUID> {

  public Uni<ParticipantEntity> findInConversation(UUID conversationId, UUID id) {
    return find("id = ?1 and conversationId = ?2", id, conversationId).firstResult();
  }

  /** Participants of many conversations in one query, in creation order. */
  public Uni<List<ParticipantEntity>> listFor(Collection<UUID> conversationIds) {
    if (conversationIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return list("conversationId in ?1 order by id", conversationIds);
  }

  /** Oldest first (creation order), keyset-paged on the time-ordered id. */
  public Uni<List<ParticipantEntity>> page(UUID conversationId, PageQuery query) {
    String where = "conversationId = :conversation";
    Parameters params = Parameters.with("conversation", conversationId);
    if (query.boundary() != null) {
      where += query.backward() ? " and id < :boundary" : " and id > :boundary";
      params.and("boundary", query.boundaryId());
    }
    String order = query.backward() ? " order by id desc" : " order by id asc";
    return find(where + order, params).range(0, query.fetchSize() - 1).list();
  }
}
