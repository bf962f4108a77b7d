package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The drills' REST client: the drill account over HTTP Basic, as an SDK would, spread round-robin
 * over the given services. A request that gets no answer (refused, reset, timed out) completes with
 * status 0.
 */
public final class DrillApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTHORIZATION =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (DrillStack.ACCOUNT + ":" + DrillStack.AUTH_TOKEN)
                      .getBytes(StandardCharsets.UTF_8));

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance: plain HTTP/1.1 as SDKs use
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final List<ServiceProcess> services;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * An answer: the status (0 = none), the body as JSON (empty object when none) and the Retry-After
   * header (null when none).
   */
  public record Answer(int status, JsonNode body, String retryAfter) {
    public boolean ok() {
      return status / 100 == 2;
    }

    public String id() {
      return body.path("id").asText(null);
    }
  }

  public DrillApi(List<ServiceProcess> services) {
    this.services = services;
  }

  public CompletableFuture<Answer> send(String method, String path, String body) {
    ServiceProcess service = services.get(Math.floorMod(next.getAndIncrement(), services.size()));
    return send(service.url(path), method, body);
  }

  private CompletableFuture<Answer> send(URI uri, String method, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", AUTHORIZATION)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response ->
                new Answer(
                    response.statusCode(),
                    parse(response.body()),
                    response.headers().firstValue("Retry-After").orElse(null)))
        .exceptionally(
            failure -> new Answer(0, JSON.createObjectNode().put("error", cause(failure)), null));
  }

  /** The same, waiting; for set-up steps. */
  public Answer call(String method, String path, String body) {
    return send(method, path, body).join();
  }

  /** Creates a configuration and answers its id; fails the drill when that is refused. */
  public String createConfiguration(String channelSettings, String statusCallbacks) {
    String body =
        """
        {"displayName":"drill","description":"fault drill",
         "conversationGroupingType":"GROUP_BY_PROFILE",
         "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",
         "channelSettings":%s,"statusCallbacks":%s}
        """
            .formatted(channelSettings, statusCallbacks);
    Answer answer = call("POST", "/v2/ControlPlane/Configurations", body);
    if (answer.status() != 202) {
      throw new IllegalStateException("configuration refused: " + answer);
    }
    return answer.body().path("related").path("configurationId").asText();
  }

  /**
   * Creates a conversation between customer {@code +1777<customer>} and an agent on SMS and answers
   * its id; fails the drill when that is refused.
   */
  public String createConversation(String configuration, int customer) {
    String body =
        """
        {"configurationId":"%s","name":"sink %d","participants":[
          {"name":"Customer","type":"CUSTOMER","addresses":[{"channel":"SMS","address":"+1777%07d"}]},
          {"name":"Agent","type":"HUMAN_AGENT","addresses":[{"channel":"SMS","address":"+15550001111"}]}]}
        """
            .formatted(configuration, customer, customer);
    Answer created = call("POST", "/v2/Conversations", body);
    if (!created.ok()) {
      throw new IllegalStateException("conversation refused: " + created);
    }
    return created.id();
  }

  private static String cause(Throwable failure) {
    return failure.getCause() != null ? failure.getCause().toString() : failure.toString();
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("unparsed", body);
    }
  }
}
