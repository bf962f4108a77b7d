package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a participant body into a row (not written: the caller inserts or updates it): checks its
 * addresses, and resolves the profile of a CUSTOMER given none. Used by conversation create and by
 * the Participants API alike.
 */
@ApplicationScoped
public class ParticipantFactory {
  private final ProfileResolver profiles;

  public ParticipantFactory(ProfileResolver profiles) {
    this.profiles = profiles;
  }

  /** Checks what Bean Validation cannot: address formats per channel and the profile id. */
  public static void check(ParticipantBody body, String path) {
    if (body.addresses() != null) {
      AddressRules.check(body.addresses(), path + "addresses");
    }
    if (body.profileId() != null && ResourceType.PROFILE.parse(body.profileId()).isEmpty()) {
      throw ApiException.invalid(
          "Invalid value for '" + path + "profileId': expected a mem_profile_ id");
    }
  }

  /**
   * @param path where the body stands in the request, e.g. {@code participants[0].}, for errors
   */
  public Uni<Participant> create(
      SqlConnection c,
      String accountSid,
      UUID conversationId,
      String memoryStoreId,
      ParticipantBody body,
      Instant now,
      String path) {
    Participant entity = new Participant();
    entity.id = ResourceType.newUuid();
    entity.conversationId = conversationId;
    entity.accountSid = accountSid;
    entity.createdAt = now;
    return update(c, entity, memoryStoreId, body, now, path);
  }

  /** Applies a body: fields it omits stay as they are (PUT on a participant). */
  public Uni<Participant> update(
      SqlConnection c,
      Participant entity,
      String memoryStoreId,
      ParticipantBody body,
      Instant now,
      String path) {
    if (body.name() != null) {
      entity.name = body.name();
    }
    if (body.type() != null || entity.type == null) {
      entity.type = body.type() != null ? body.type() : ParticipantType.UNKNOWN;
    }
    if (body.addresses() != null || entity.contact == null) {
      entity.contact = new ParticipantContact(body.addresses());
    }
    entity.updatedAt = now;
    if (body.profileId() != null) {
      entity.profileId = ResourceType.PROFILE.parse(body.profileId()).orElseThrow();
      return requireProfile(c, entity, memoryStoreId, path + "profileId");
    }
    if (entity.type != ParticipantType.CUSTOMER) {
      entity.profileId = null;
      return Uni.createFrom().item(entity);
    }
    if (entity.profileId != null && body.addresses() == null) {
      return Uni.createFrom().item(entity);
    }
    List<Address> addresses = entity.contact.addresses();
    return profiles
        .resolve(c, entity.accountSid, memoryStoreId, addresses)
        .invoke(profile -> entity.profileId = profile)
        .replaceWith(entity);
  }

  /** A named profile must be one of this account's, in the conversation's memory store. */
  private Uni<Participant> requireProfile(
      SqlConnection c, Participant entity, String memoryStoreId, String field) {
    return profiles
        .exists(c, entity.accountSid, memoryStoreId, entity.profileId)
        .map(
            exists -> {
              if (!exists) {
                throw ApiException.invalid(
                    "Invalid value for '"
                        + field
                        + "': no such profile in memory store "
                        + memoryStoreId);
              }
              return entity;
            });
  }
}
