package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.Traces;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * One attempt of one delivery: resolves the host, refuses non-public addresses (see {@link
 * TargetGuard}), connects to the very address it checked, signs, sends, and classifies the answer.
 * Redirects are not followed: the target would escape the guard.
 */
@ApplicationScoped
public class CallbackSender {
  private final HttpClient http;
  private final Vertx vertx;
  private final TargetGuard guard;
  private final SigningKeys keys;
  private final ObjectMapper json;
  private final DeliverySpans spans;
  private final Duration timeout;

  public CallbackSender(
      Vertx vertx,
      TargetGuard guard,
      SigningKeys keys,
      ObjectMapper json,
      DeliverySpans spans,
      CallbacksConfig config) {
    this.vertx = vertx;
    this.spans = spans;
    this.guard = guard;
    this.keys = keys;
    this.json = json;
    this.timeout = config.timeout();
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(config.maxPerHost())
                .setConnectTimeout((int) config.timeout().toMillis())
                .setKeepAlive(true)
                .setVerifyHost(true)
                // DeliverySpans makes the span and the traceparent header of each attempt
                .setTracingPolicy(TracingPolicy.IGNORE));
  }

  Uni<Result> send(Claimed delivery) {
    Instant at = Instant.now();
    long started = System.nanoTime();
    CallbackRequest request = CallbackRequest.of(delivery, json);
    Span span = spans.start(delivery);
    return keys.of(delivery.accountSid())
        .chain(k -> sign(delivery, request, k, Traces.traceparent(span)))
        .chain(signed -> target(signed.uri().getHost()).chain(address -> exchange(signed, address)))
        .map(response -> answered(at, started, response))
        .onFailure()
        .recoverWithItem(e -> failed(at, started, e))
        .invoke(result -> spans.end(span, result));
  }

  private Uni<Signed> sign(
      Claimed delivery, CallbackRequest request, SigningKeys.Keys k, String traceparent) {
    String url =
        "POST".equals(request.method())
            ? Signatures.withBodyHash(request.url(), request.body())
            : request.url();
    String id = ResourceType.CALLBACK_DELIVERY.format(delivery.id());
    long timestamp = Instant.now().getEpochSecond();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(request.method()))
            .setFollowRedirects(false)
            .setTimeout(timeout.toMillis())
            .putHeader("User-Agent", "conversation-orchestrator")
            .putHeader("I-Twilio-Idempotency-Token", id)
            .putHeader("webhook-id", id)
            .putHeader("webhook-timestamp", Long.toString(timestamp))
            .putHeader("traceparent", traceparent);
    if ("POST".equals(request.method())) {
      options.putHeader("Content-Type", "application/json");
    }
    if (k.authToken() != null) {
      options.putHeader("X-Twilio-Signature", Signatures.twilio(k.authToken(), url));
    }
    if (!k.webhookSecrets().isEmpty()) {
      options.putHeader(
          "webhook-signature",
          String.join(
              " ",
              k.webhookSecrets().stream()
                  .map(secret -> Signatures.standardWebhooks(secret, id, timestamp, request.body()))
                  .toList()));
    }
    return Uni.createFrom().item(new Signed(URI.create(url), options, request.body()));
  }

  /** Resolves off the event loop; refuses when any address of the host is not allowed. */
  private Uni<InetAddress> target(String host) {
    return vertx.executeBlocking(Uni.createFrom().item(() -> allowedAddress(host)));
  }

  private InetAddress allowedAddress(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
    for (InetAddress address : addresses) {
      String refusal = guard.refusal(host, address);
      if (refusal != null) {
        throw new RefusedTarget(refusal);
      }
    }
    return addresses[0];
  }

  private Uni<HttpClientResponse> exchange(Signed signed, InetAddress address) {
    URI uri = signed.uri();
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String path =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    RequestOptions options =
        signed
            .options()
            .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
            .setHost(uri.getHost())
            .setPort(port)
            .setSsl(tls)
            .setURI(path);
    return http.request(options)
        .chain(req -> req.send(Buffer.buffer(signed.body())))
        .call(HttpClientResponse::end)
        .ifNoItem()
        .after(timeout)
        .failWith(() -> new TimeoutException("timed out"));
  }

  private static Result answered(Instant at, long started, HttpClientResponse response) {
    int status = response.statusCode();
    Result.Kind kind = Result.classify(status);
    String error = kind == Result.Kind.DELIVERED ? null : "HTTP " + status;
    return new Result(
        new Attempt(at, status, millisSince(started), error),
        kind,
        retryAfter(response.getHeader("Retry-After")));
  }

  private static Result failed(Instant at, long started, Throwable e) {
    boolean refused = e instanceof RefusedTarget;
    String error =
        refused
            ? e.getMessage()
            : e instanceof TimeoutException
                ? "timeout after " + millisSince(started) + " ms"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new Result(
        new Attempt(at, null, millisSince(started), error),
        refused ? Result.Kind.FINAL : Result.Kind.RETRYABLE,
        null);
  }

  private static Duration retryAfter(String header) {
    try {
      return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long millisSince(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  private record Signed(URI uri, RequestOptions options, String body) {}

  /** The target resolved to an address callbacks must not reach. */
  static final class RefusedTarget extends RuntimeException {
    RefusedTarget(String message) {
      super(message, null, false, false);
    }
  }
}
