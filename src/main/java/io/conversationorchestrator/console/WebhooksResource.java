package io.conversationorchestrator.console;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.callback.CallbackDeliveryResponse;
import io.conversationorchestrator.callback.CallbackDeliveryService;
import io.conversationorchestrator.console.ConversationView.Delivery;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Failing webhooks: the account's DEAD and retrying deliveries, grouped by host, live. */
@Path("/console/webhooks")
public class WebhooksResource {
  private static final int LIMIT = 500;

  private final CallbackDeliveryService deliveries;
  private final LiveUpdates live;
  private final ConsoleCaller caller;
  private final Pages pages;
  private final Template page;
  private final Template body;

  public WebhooksResource(
      CallbackDeliveryService deliveries,
      LiveUpdates live,
      ConsoleCaller caller,
      Pages pages,
      @Location("console/webhooks.html") Template page,
      @Location("console/webhooks-body.html") Template body) {
    this.deliveries = deliveries;
    this.live = live;
    this.caller = caller;
    this.pages = pages;
    this.page = page;
    this.body = body;
  }

  /** The failing deliveries to one host. */
  @TemplateData
  public record Host(String host, List<Delivery> deliveries) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> show() {
    ConsoleSession session = caller.session();
    return hosts(session)
        .chain(h -> pages.html(200, page.data("session", session).data("hosts", h)));
  }

  @GET
  @Path("/body")
  @Produces(MediaType.TEXT_HTML)
  public Uni<String> fragment() {
    return render(caller.session());
  }

  @GET
  @Path("/live")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<String> changes() {
    ConsoleSession session = caller.session();
    return live.changes(() -> render(session));
  }

  private Uni<String> render(ConsoleSession session) {
    return hosts(session).chain(h -> body.data("session", session).data("hosts", h).createUni());
  }

  private Uni<List<Host>> hosts(ConsoleSession session) {
    return deliveries.failing(session.accountSid(), LIMIT).map(WebhooksResource::byHost);
  }

  private static List<Host> byHost(List<CallbackDeliveryResponse> failing) {
    Map<String, List<Delivery>> hosts = new TreeMap<>();
    for (CallbackDeliveryResponse d : failing) {
      hosts.computeIfAbsent(Views.host(d.url()), k -> new ArrayList<>()).add(Deliveries.view(d));
    }
    return hosts.entrySet().stream().map(e -> new Host(e.getKey(), e.getValue())).toList();
  }

  @ServerExceptionMapper
  public Uni<Response> failure(ApiException e) {
    return pages.failure(caller.session(), e);
  }
}
