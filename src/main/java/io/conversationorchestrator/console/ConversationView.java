package io.conversationorchestrator.console;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/** A conversation as its console page shows it; every field is text, escaped by the template. */
@TemplateData
public record ConversationView(
    String id,
    String name,
    String status,
    String statusToken,
    String configurationId,
    String created,
    String updated,
    boolean snoozed,
    List<Field> metadata,
    List<Participant> participants,
    List<Deadline> deadlines,
    List<Entry> timeline) {

  @TemplateData
  public record Field(String name, String value) {}

  @TemplateData
  public record Participant(
      String id, String name, String type, String profileId, List<String> addresses) {}

  /** A scheduled transition: what happens, when (ISO, for the countdown) and when (readable). */
  @TemplateData
  public record Deadline(String label, String iso, String time) {}

  /** One line of the timeline; {@code deliveries} only on an event's entry. */
  @TemplateData
  public record Entry(
      Instant at,
      String iso,
      String time,
      String kind,
      String title,
      String text,
      List<Delivery> deliveries) {}

  @TemplateData
  public record Delivery(
      String id,
      String conversationId,
      String eventType,
      String url,
      String host,
      String method,
      String status,
      String statusToken,
      String nextAttempt,
      List<Try> attempts) {}

  @TemplateData
  public record Try(String time, String httpStatus, String duration, String error) {}
}
