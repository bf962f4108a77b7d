package io.conversationorchestrator.action;

import io.conversationorchestrator.api.paging.PageQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<ActionEntity, UUID> {

  public Uni<ActionEntity> findInConversation(UUID conversationId, UUID id) {
    return find("id = ?1 and conversationId = ?2", id, conversationId).firstResult();
  }

  /** Oldest first (creation order), keyset-paged on the time-ordered id. */
  public Uni<List<ActionEntity>> page(UUID conversationId, PageQuery query) {
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
