package io.conversationorchestrator.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Health at a glance: charts of this replica's meters (see {@link HealthSamples}) and the readiness
 * checks (PostgreSQL, Kafka), which run on a worker thread and are reused for 5 s.
 */
@Path("/console/health")
@Produces(MediaType.TEXT_HTML)
public class HealthResource {
  private static final Duration READINESS_REUSE = Duration.ofSeconds(5);

  private final HealthSamples samples;
  private final SmallRyeHealthReporter health;
  private final LiveUpdates live;
  private final ConsoleCaller caller;
  private final Pages pages;
  private final Template page;
  private final Template body;
  private final AtomicReference<Readiness> last = new AtomicReference<>();

  public HealthResource(
      HealthSamples samples,
      SmallRyeHealthReporter health,
      LiveUpdates live,
      ConsoleCaller caller,
      Pages pages,
      @Location("console/health.html") Template page,
      @Location("console/health-body.html") Template body) {
    this.samples = samples;
    this.health = health;
    this.live = live;
    this.caller = caller;
    this.pages = pages;
    this.page = page;
    this.body = body;
  }

  /** One readiness check: its name and UP or DOWN. */
  @TemplateData
  public record Check(String name, String status, String token) {}

  private record Readiness(Instant at, List<Check> checks) {}

  @GET
  public Uni<Response> show() {
    ConsoleSession session = caller.session();
    return readiness().chain(r -> pages.html(200, data(page, r).data("session", session)));
  }

  @GET
  @Path("/body")
  public Uni<String> fragment() {
    return render();
  }

  @GET
  @Path("/live")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<String> changes() {
    caller.session();
    return live.changes(this::render);
  }

  private Uni<String> render() {
    return readiness().chain(r -> data(body, r).createUni());
  }

  private TemplateInstance data(Template template, List<Check> checks) {
    List<HealthSamples.Sample> recent = samples.recent();
    return template
        .data("checks", checks)
        .data("charts", Charts.of(recent))
        .data("samples", recent.size())
        .data("sampled", recent.isEmpty() ? "" : Views.time(recent.get(recent.size() - 1).at()));
  }

  private Uni<List<Check>> readiness() {
    Readiness cached = last.get();
    if (cached != null && cached.at().plus(READINESS_REUSE).isAfter(Instant.now())) {
      return Uni.createFrom().item(cached.checks());
    }
    return Uni.createFrom()
        .item(() -> checks(health.getReadiness().getPayload()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .invoke(checks -> last.set(new Readiness(Instant.now(), checks)));
  }

  private static List<Check> checks(JsonObject payload) {
    return payload.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .map(
            c ->
                new Check(
                    c.getString("name"), c.getString("status"), Views.token(c.getString("status"))))
        .toList();
  }
}
