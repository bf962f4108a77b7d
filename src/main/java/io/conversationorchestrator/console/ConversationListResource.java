package io.conversationorchestrator.console;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.api.paging.PageToken;
import io.conversationorchestrator.conversation.Channel;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.conversation.ConversationService;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The conversation list: filters, pages (the API's page tokens) and live counts by status. */
@Path("/console/conversations")
public class ConversationListResource {
  private static final int PAGE_SIZE = 25;

  private final ConversationService conversations;
  private final LiveUpdates live;
  private final ConsoleCaller caller;
  private final Pages pages;
  private final Template list;
  private final Template counts;

  public ConversationListResource(
      ConversationService conversations,
      LiveUpdates live,
      ConsoleCaller caller,
      Pages pages,
      @Location("console/conversations.html") Template list,
      @Location("console/counts.html") Template counts) {
    this.conversations = conversations;
    this.live = live;
    this.caller = caller;
    this.pages = pages;
    this.list = list;
    this.counts = counts;
  }

  /** A row of the list. */
  @TemplateData
  public record Row(
      String id,
      String name,
      String status,
      String statusToken,
      String configurationId,
      String created) {
    static Row of(ConversationResponse c) {
      return new Row(
          c.id(),
          c.name() == null ? "" : c.name(),
          c.status().name(),
          Views.token(c.status()),
          c.configurationId() == null ? "inline" : c.configurationId(),
          Views.time(c.createdAt()));
    }
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> list(
      @RestQuery List<String> status,
      @RestQuery String channel,
      @RestQuery String configuration,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String name,
      @RestQuery String pageToken) {
    ConsoleSession session = caller.session();
    ListFilters filters =
        new ListFilters(
            status, text(channel), text(configuration), text(from), text(to), text(name));
    PageQuery query;
    if (pageToken != null && !pageToken.isEmpty()) {
      PageToken token = PageToken.decode(pageToken);
      query = new PageQuery(PAGE_SIZE, token.backward(), token.boundary(), token.filters());
      filters = ListFilters.of(token.filters());
    } else {
      String problem = filters.problem();
      if (problem != null) {
        return render(session, filters, List.of(), null, null, problem);
      }
      query = new PageQuery(PAGE_SIZE, false, null, filters.asQuery());
    }
    ListFilters shown = filters;
    return conversations
        .list(session.accountSid(), query)
        .chain(
            p ->
                render(
                    session,
                    shown,
                    p.items().stream().map(Row::of).toList(),
                    p.meta().nextToken(),
                    p.meta().previousToken(),
                    null));
  }

  @GET
  @Path("/counts")
  @Produces(MediaType.TEXT_HTML)
  public Uni<String> counts() {
    return renderCounts(caller.session());
  }

  @GET
  @Path("/counts/live")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<String> liveCounts() {
    ConsoleSession session = caller.session();
    return live.changes(() -> renderCounts(session));
  }

  private Uni<Response> render(
      ConsoleSession session,
      ListFilters filters,
      List<Row> rows,
      String next,
      String previous,
      String problem) {
    return conversations
        .statusCounts(session.accountSid())
        .chain(
            n ->
                pages.html(
                    problem == null ? 200 : 400,
                    list.data("session", session)
                        .data("filters", filters)
                        .data("rows", rows)
                        .data("next", next)
                        .data("previous", previous)
                        .data("problem", problem)
                        .data("counts", countList(n))
                        .data("statuses", statuses())
                        .data("channels", channels())));
  }

  private Uni<String> renderCounts(ConsoleSession session) {
    return conversations
        .statusCounts(session.accountSid())
        .chain(n -> counts.data("counts", countList(n)).createUni());
  }

  /** Label, CSS token and count of each status, in lifecycle order. */
  @TemplateData
  public record Count(String status, String token, long count) {}

  private static List<Count> countList(Map<String, Long> counts) {
    return Stream.of(ConversationStatus.values())
        .map(s -> new Count(s.name(), Views.token(s), counts.getOrDefault(s.name(), 0L)))
        .toList();
  }

  private static List<String> statuses() {
    return Stream.of(ConversationStatus.values()).map(Enum::name).toList();
  }

  private static List<String> channels() {
    return Stream.of(Channel.values()).map(Enum::name).toList();
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }

  @ServerExceptionMapper
  public Uni<Response> failure(ApiException e) {
    return pages.failure(caller.session(), e);
  }
}
