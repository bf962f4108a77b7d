package io.conversationorchestrator.console;

import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.callback.CallbackDeliveryResponse;
import io.conversationorchestrator.callback.CallbackDeliveryService;
import io.conversationorchestrator.console.ConversationView.Deadline;
import io.conversationorchestrator.console.ConversationView.Entry;
import io.conversationorchestrator.console.ConversationView.Field;
import io.conversationorchestrator.console.ConversationView.Participant;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.conversation.ConversationService;
import io.conversationorchestrator.conversation.communication.CommunicationResponse;
import io.conversationorchestrator.conversation.communication.CommunicationService;
import io.conversationorchestrator.conversation.participant.ParticipantResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers what a conversation page shows, through the API's own services (so another account's id
 * is the API's 404): the conversation, its communications, its status changes and the callback
 * deliveries of its events.
 */
@ApplicationScoped
public class ConversationDetails {
  private static final PageQuery ALL = new PageQuery(1000, false, null, Map.of());

  private final ConversationService conversations;
  private final CommunicationService communications;
  private final CallbackDeliveryService deliveries;
  private final StatusHistory history;

  public ConversationDetails(
      ConversationService conversations,
      CommunicationService communications,
      CallbackDeliveryService deliveries,
      StatusHistory history) {
    this.conversations = conversations;
    this.communications = communications;
    this.deliveries = deliveries;
    this.history = history;
  }

  public Uni<ConversationView> view(String accountSid, String id) {
    List<Entry> timeline = new ArrayList<>();
    return conversations
        .fetch(accountSid, id)
        .call(
            c ->
                communications.list(accountSid, id, ALL).invoke(p -> messages(p.items(), timeline)))
        .call(
            c ->
                history.of(accountSid, c.id()).invoke(h -> h.forEach(s -> timeline.add(change(s)))))
        .call(c -> deliveries.list(accountSid, id, ALL).invoke(p -> events(p.items(), timeline)))
        .map(c -> view(c, timeline));
  }

  private static ConversationView view(ConversationResponse c, List<Entry> found) {
    List<Entry> timeline = new ArrayList<>();
    timeline.add(entry(c.createdAt(), "created", "Conversation created", ""));
    c.participants().forEach(p -> timeline.add(joined(p)));
    timeline.addAll(found);
    timeline.sort(Comparator.comparing(Entry::at));
    return new ConversationView(
        c.id(),
        c.name() == null ? "" : c.name(),
        c.status().name(),
        Views.token(c.status()),
        c.configurationId() == null ? "" : c.configurationId(),
        Views.time(c.createdAt()),
        Views.time(c.updatedAt()),
        c.snoozedUntil() != null,
        metadata(c.metadata()),
        c.participants().stream().map(ConversationDetails::participant).toList(),
        deadlines(c),
        timeline);
  }

  private static List<Field> metadata(Map<String, String> metadata) {
    if (metadata == null) {
      return List.of();
    }
    return new TreeMap<>(metadata)
        .entrySet().stream().map(e -> new Field(e.getKey(), e.getValue())).toList();
  }

  private static Participant participant(ParticipantResponse p) {
    return new Participant(
        p.id(),
        p.name() == null ? "" : p.name(),
        p.type() == null ? "" : p.type().name(),
        p.profileId() == null ? "" : p.profileId(),
        p.addresses().stream().map(a -> a.channel() + " " + a.address()).toList());
  }

  private static List<Deadline> deadlines(ConversationResponse c) {
    List<Deadline> list = new ArrayList<>();
    add(list, "Becomes INACTIVE", c.inactiveAt());
    add(list, "Closing warning", c.closeWarningAt());
    add(list, "Closes", c.closesAt());
    add(list, "Snooze ends", c.snoozedUntil());
    add(list, "Agent reply due (SLA)", c.slaDueAt());
    list.sort(Comparator.comparing(Deadline::iso));
    return list;
  }

  private static void add(List<Deadline> list, String label, Instant at) {
    if (at != null) {
      list.add(new Deadline(label, Views.iso(at), Views.time(at)));
    }
  }

  private static void messages(List<CommunicationResponse> items, List<Entry> timeline) {
    for (CommunicationResponse m : items) {
      String title =
          m.content().type() + " from " + m.author().channel() + " " + m.author().address();
      timeline.add(entry(m.occurredAt(), "communication", title, m.content().text()));
    }
  }

  private static Entry change(StatusHistory.Change s) {
    String title = "Status " + s.previousStatus() + " → " + s.status();
    return entry(
        s.at(), "status", title, "Reason: " + (s.reason() == null ? "none given" : s.reason()));
  }

  private static Entry joined(ParticipantResponse p) {
    String who = p.name() == null ? p.id() : p.name();
    return entry(
        p.createdAt(),
        "participant",
        "Participant joined: " + who,
        p.type() == null ? "" : p.type().name());
  }

  /** One entry per event, listing the deliveries of that event to each callback URL. */
  private static void events(List<CallbackDeliveryResponse> items, List<Entry> timeline) {
    Map<String, List<CallbackDeliveryResponse>> byEvent = new LinkedHashMap<>();
    items.forEach(d -> byEvent.computeIfAbsent(d.eventId(), k -> new ArrayList<>()).add(d));
    byEvent
        .values()
        .forEach(
            list -> {
              CallbackDeliveryResponse first = list.get(0);
              timeline.add(
                  new Entry(
                      first.createdAt(),
                      Views.iso(first.createdAt()),
                      Views.time(first.createdAt()),
                      "event",
                      "Callbacks of " + first.eventType(),
                      "",
                      list.stream().map(Deliveries::view).toList()));
            });
  }

  private static Entry entry(Instant at, String kind, String title, String text) {
    return new Entry(at, Views.iso(at), Views.time(at), kind, title, text, List.of());
  }
}
