package io.conversationorchestrator.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: a request that writes an account row in its transaction and then never answers, as the
 * services do when PostgreSQL or Kafka is slow, so that a test can make its client go away at a
 * known point. The transaction is opened as the services open theirs (Panache).
 */
@Path("/test/held")
@ApplicationScoped
public class HeldRequestResource {
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  @POST
  @Path("{sid}")
  @Operation(hidden = true)
  public Uni<String> write(@PathParam("sid") String sid) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(
                                "insert into account (sid, auth_token_hash) values (?1, 'held')")
                            .setParameter(1, sid)
                            .executeUpdate())
                .chain(() -> hold(sid))
                .replaceWith("never answered"));
  }

  /** True while the request of this account has written its row and waits, transaction open. */
  public boolean isHeld(String sid) {
    return held.contains(sid);
  }

  private Uni<Void> hold(String sid) {
    return Uni.createFrom()
        .<Void>emitter(e -> held.add(sid))
        .onCancellation()
        .invoke(() -> held.remove(sid));
  }
}
