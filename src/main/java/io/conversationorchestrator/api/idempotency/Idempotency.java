package io.conversationorchestrator.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RawJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Honours {@code Idempotency-Key}: the key is claimed in the transaction of the change and stores
 * its answer there too, so a replay is exact and two concurrent twins cannot both act (the second
 * waits on the key's row, then replays the first's answer).
 */
@ApplicationScoped
public class Idempotency {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final String CLAIM =
      """
      insert into idempotency_key as k (account_sid, key, fingerprint, response_status,
          response_body, response_headers, created_at)
      values (?1, ?2, ?3, 0, '', '{}', now())
      on conflict (account_sid, key) do update
          set fingerprint = excluded.fingerprint, created_at = excluded.created_at
          where k.created_at < now() - interval '24 hours'
      """;

  private final ObjectMapper json;

  public Idempotency(ObjectMapper json) {
    this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /**
   * Runs {@code work} once per key.
   *
   * @param request what identifies the request besides its body, e.g. {@code "PATCH /v2/…/id"}
   */
  public Uni<ApiReply> execute(
      String accountSid, String key, String request, Object body, Supplier<Uni<ApiReply>> work) {
    // without a key the work runs in its own transactions, as if called directly
    return key == null ? work.get() : once(accountSid, key, request, body, work);
  }

  private Uni<ApiReply> once(
      String accountSid, String key, String request, Object body, Supplier<Uni<ApiReply>> work) {
    if (!UUID_TEXT.matcher(key).matches()) {
      throw ApiException.invalid("Invalid value for 'Idempotency-Key': expected a UUID");
    }
    IdempotencyKeyEntity.Key id = new IdempotencyKeyEntity.Key(accountSid, UUID.fromString(key));
    String fingerprint = fingerprint(request, body);
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(CLAIM)
                            .setParameter(1, accountSid)
                            .setParameter(2, id.key())
                            .setParameter(3, fingerprint)
                            .executeUpdate())
                .chain(
                    claimed ->
                        claimed == 1
                            ? work.get().call(r -> store(id, r))
                            : replay(id, fingerprint)));
  }

  private Uni<Void> store(IdempotencyKeyEntity.Key id, ApiReply reply) {
    return Panache.getSession()
        .chain(s -> s.find(IdempotencyKeyEntity.class, id))
        .invoke(
            row -> {
              row.responseStatus = reply.status();
              row.responseBody = serialize(reply.body());
              row.responseHeaders = reply.headers();
            })
        .replaceWithVoid();
  }

  private Uni<ApiReply> replay(IdempotencyKeyEntity.Key id, String fingerprint) {
    return Panache.getSession()
        .chain(s -> s.find(IdempotencyKeyEntity.class, id))
        .map(
            row -> {
              if (!row.fingerprint.equals(fingerprint)) {
                throw new ApiException(
                    ApiError.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + id.key() + " was already used with a different request");
              }
              return new ApiReply(
                  row.responseStatus, new RawJson(row.responseBody), row.responseHeaders);
            });
  }

  private String fingerprint(String request, Object body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(request.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(json.writeValueAsBytes(json.convertValue(body, Object.class)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String serialize(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
