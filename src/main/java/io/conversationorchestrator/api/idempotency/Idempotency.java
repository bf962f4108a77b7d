package io.conversationorchestrator.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RawJson;
import io.conversationorchestrator.platform.Transactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
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

  private static final String CLAIM_NUMBERED =
      CLAIM.replace("?1", "$1").replace("?2", "$2").replace("?3", "$3");
  private static final String STORE =
      "update idempotency_key set response_status = $3, response_body = $4,"
          + " response_headers = $5 where account_sid = $1 and key = $2";
  private static final String FIND =
      "select fingerprint, response_status, response_body, response_headers from idempotency_key"
          + " where account_sid = $1 and key = $2";

  private final ObjectMapper json;
  private final Transactions transactions;

  public Idempotency(ObjectMapper json, Transactions transactions) {
    this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    this.transactions = transactions;
  }

  /**
   * Runs {@code work} once per key, in one reactive SQL client transaction with the key's claim and
   * answer (data-plane changes, which join it through {@link Transactions}).
   *
   * @param request what identifies the request besides its body, e.g. {@code "PATCH /v2/…/id"}
   */
  public Uni<ApiReply> execute(
      String accountSid, String key, String request, Object body, Supplier<Uni<ApiReply>> work) {
    // without a key the work runs in its own transactions, as if called directly
    if (key == null) {
      return work.get();
    }
    IdempotencyKeyEntity.Key id = key(accountSid, key);
    String fingerprint = fingerprint(request, body);
    return transactions.inTransaction(
        c ->
            c.preparedQuery(CLAIM_NUMBERED)
                .execute(Tuple.of(accountSid, id.key(), fingerprint))
                .chain(
                    claimed ->
                        claimed.rowCount() == 1
                            ? work.get().call(r -> store(c, id, r))
                            : replay(c, id, fingerprint)));
  }

  private Uni<Void> store(SqlConnection c, IdempotencyKeyEntity.Key id, ApiReply reply) {
    Tuple values =
        Tuple.of(id.accountSid(), id.key(), reply.status(), serialize(reply.body()))
            .addValue(new JsonObject(Map.copyOf(reply.headers())));
    return c.preparedQuery(STORE).execute(values).replaceWithVoid();
  }

  private Uni<ApiReply> replay(SqlConnection c, IdempotencyKeyEntity.Key id, String fingerprint) {
    return c.preparedQuery(FIND)
        .execute(Tuple.of(id.accountSid(), id.key()))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              checkSameRequest(id, fingerprint, row.getString("fingerprint"));
              Map<String, String> headers = new HashMap<>();
              row.getJsonObject("response_headers")
                  .forEach(e -> headers.put(e.getKey(), String.valueOf(e.getValue())));
              return new ApiReply(
                  row.getInteger("response_status"),
                  new RawJson(row.getString("response_body")),
                  headers);
            });
  }

  /**
   * {@link #execute} for control-plane changes, which run in a Hibernate Reactive session: the
   * key's claim and answer are in the session's transaction.
   */
  public Uni<ApiReply> executeInSession(
      String accountSid, String key, String request, Object body, Supplier<Uni<ApiReply>> work) {
    if (key == null) {
      return work.get();
    }
    IdempotencyKeyEntity.Key id = key(accountSid, key);
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

  private static IdempotencyKeyEntity.Key key(String accountSid, String key) {
    if (!UUID_TEXT.matcher(key).matches()) {
      throw ApiException.invalid("Invalid value for 'Idempotency-Key': expected a UUID");
    }
    return new IdempotencyKeyEntity.Key(accountSid, UUID.fromString(key));
  }

  private static void checkSameRequest(
      IdempotencyKeyEntity.Key id, String fingerprint, String stored) {
    if (!stored.equals(fingerprint)) {
      throw new ApiException(
          ApiError.IDEMPOTENCY_KEY_REUSED,
          "Idempotency-Key " + id.key() + " was already used with a different request");
    }
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
              checkSameRequest(id, fingerprint, row.fingerprint);
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
