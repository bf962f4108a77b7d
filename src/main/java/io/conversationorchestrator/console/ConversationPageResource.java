package io.conversationorchestrator.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.callback.CallbackDeliveryService;
import io.conversationorchestrator.conversation.ConversationUpdates;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A conversation's page: its timeline (live), and the buttons that close, reactivate or snooze it
 * and redeliver a callback, each acting through the API's services with the API's request bodies.
 */
@Path("/console/conversations/{id}")
public class ConversationPageResource {
  private final ConversationDetails details;
  private final ConversationUpdates updates;
  private final CallbackDeliveryService deliveries;
  private final LiveUpdates live;
  private final ConsoleCaller caller;
  private final Pages pages;
  private final ObjectMapper json;
  private final Template page;
  private final Template body;

  public ConversationPageResource(
      ConversationDetails details,
      ConversationUpdates updates,
      CallbackDeliveryService deliveries,
      LiveUpdates live,
      ConsoleCaller caller,
      Pages pages,
      ObjectMapper json,
      @Location("console/conversation.html") Template page,
      @Location("console/conversation-body.html") Template body) {
    this.details = details;
    this.updates = updates;
    this.deliveries = deliveries;
    this.live = live;
    this.caller = caller;
    this.pages = pages;
    this.json = json;
    this.page = page;
    this.body = body;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> show(@PathParam("id") String id, @RestQuery String error) {
    ConsoleSession session = caller.session();
    return details
        .view(session.accountSid(), id)
        .chain(
            c -> pages.html(200, page.data("session", session).data("c", c).data("error", error)));
  }

  @GET
  @Path("/timeline")
  @Produces(MediaType.TEXT_HTML)
  public Uni<String> timeline(@PathParam("id") String id) {
    ConsoleSession session = caller.session();
    return details
        .view(session.accountSid(), id)
        .chain(c -> body.data("session", session).data("c", c).createUni());
  }

  @GET
  @Path("/live")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<String> live(@PathParam("id") String id) {
    ConsoleSession session = caller.session();
    return live.changes(
        () ->
            details
                .view(session.accountSid(), id)
                .chain(c -> body.data("session", session).data("c", c).createUni()));
  }

  @POST
  @Path("/close")
  public Uni<Response> close(@PathParam("id") String id, @RestForm String csrf) {
    return patch(id, csrf, Map.of("status", "CLOSED"));
  }

  @POST
  @Path("/reactivate")
  public Uni<Response> reactivate(@PathParam("id") String id, @RestForm String csrf) {
    return patch(id, csrf, Map.of("status", "ACTIVE"));
  }

  @POST
  @Path("/snooze")
  public Uni<Response> snooze(
      @PathParam("id") String id, @RestForm String csrf, @RestForm String minutes) {
    int count;
    try {
      count = Integer.parseInt(minutes == null ? "" : minutes.trim());
    } catch (NumberFormatException e) {
      caller.requireCsrf(csrf);
      return Uni.createFrom()
          .item(Pages.back(ConsolePaths.conversation(id), "Snooze for a whole number of minutes"));
    }
    Instant until = Instant.now().plusSeconds(60L * count);
    return patch(id, csrf, Map.of("snoozedUntil", until.toString()));
  }

  @POST
  @Path("/deliveries/{delivery}/redeliver")
  public Uni<Response> redeliver(
      @PathParam("id") String id,
      @PathParam("delivery") String delivery,
      @RestForm String csrf,
      @RestForm String back) {
    caller.requireCsrf(csrf);
    String target = "webhooks".equals(back) ? ConsolePaths.WEBHOOKS : ConsolePaths.conversation(id);
    return deliveries
        .redeliver(caller.accountSid(), id, delivery)
        .map(d -> Pages.back(target, null));
  }

  private Uni<Response> patch(String id, String csrf, Map<String, Object> body) {
    caller.requireCsrf(csrf);
    return updates
        .patch(caller.accountSid(), id, json.valueToTree(body))
        .map(c -> Pages.back(ConsolePaths.conversation(id), null))
        .onFailure(e -> e instanceof ApiException a && a.error() != ApiError.NOT_FOUND)
        .recoverWithItem(e -> Pages.back(ConsolePaths.conversation(id), e.getMessage()));
  }

  @ServerExceptionMapper
  public Uni<Response> failure(ApiException e) {
    return pages.failure(caller.session(), e);
  }
}
