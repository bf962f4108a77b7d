package io.conversationorchestrator.operation;

import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.Time;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;

/**
 * Records control-plane operations. Changes are applied in the request's own transaction, so the
 * operation is written COMPLETED in that same transaction: a client polling its status URL sees
 * COMPLETED as soon as the 202 arrives, and never a status that the data contradicts.
 */
@ApplicationScoped
public class Operations {
  private final OperationRepository repository;

  public Operations(OperationRepository repository) {
    this.repository = repository;
  }

  /** Must run inside the transaction of the change it reports (a Hibernate session's). */
  public Uni<ApiReply> completed(String accountSid, URI baseUri, Map<String, String> related) {
    OperationEntity operation = completed(accountSid, related);
    String id = ResourceType.OPERATION.format(operation.id);
    return repository
        .persist(operation)
        .map(saved -> OperationAccepted.reply(id, statusUrl(baseUri, id), related));
  }

  /** {@link #completed(String, URI, Map)} in the reactive SQL client transaction {@code c}. */
  public Uni<ApiReply> completed(
      SqlConnection c, String accountSid, URI baseUri, Map<String, String> related) {
    OperationEntity operation = completed(accountSid, related);
    String id = ResourceType.OPERATION.format(operation.id);
    return repository
        .insert(c, operation)
        .map(saved -> OperationAccepted.reply(id, statusUrl(baseUri, id), related));
  }

  private static OperationEntity completed(String accountSid, Map<String, String> related) {
    OperationEntity operation = new OperationEntity();
    operation.id = ResourceType.newUuid();
    operation.accountSid = accountSid;
    operation.status = OperationStatus.COMPLETED;
    operation.related = related;
    operation.createdAt = Time.now();
    operation.completedAt = operation.createdAt;
    return operation;
  }

  public static String statusUrl(URI baseUri, String operationId) {
    return baseUri.resolve("v2/ControlPlane/Operations/" + operationId).toString();
  }
}
