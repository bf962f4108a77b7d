package io.conversationorchestrator.participant;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a participant body into a row: checks its addresses, and resolves the profile of a CUSTOMER
 * given none. Used by conversation create and by the Participants API alike.
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

  public Uni<ParticipantEntity> create(
      String accountSid,
      UUID conversationId,
      String memoryStoreId,
      ParticipantBody body,
      Instant now) {
    ParticipantEntity entity = new ParticipantEntity();
    entity.id = ResourceType.newUuid();
    entity.conversationId = conversationId;
    entity.accountSid = accountSid;
    entity.createdAt = now;
    return update(entity, memoryStoreId, body, now);
  }

  /** Applies a body: fields it omits stay as they are (PUT on a participant). */
  public Uni<ParticipantEntity> update(
      ParticipantEntity entity, String memoryStoreId, ParticipantBody body, Instant now) {
    if (body.name() != null) {
      entity.name = body.name();
    }
    if (body.type() != null || entity.type == null) {
      entity.type = (body.type() != null ? body.type() : ParticipantType.UNKNOWN).name();
    }
    if (body.addresses() != null || entity.contact == null) {
      entity.contact = new ParticipantContact(body.addresses());
    }
    entity.updatedAt = now;
    if (body.profileId() != null) {
      entity.profileId = ResourceType.PROFILE.parse(body.profileId()).orElseThrow();
      return Uni.createFrom().item(entity);
    }
    if (!ParticipantType.CUSTOMER.name().equals(entity.type)) {
      entity.profileId = null;
      return Uni.createFrom().item(entity);
    }
    if (entity.profileId != null && body.addresses() == null) {
      return Uni.createFrom().item(entity);
    }
    List<Address> addresses = entity.contact.addresses();
    return profiles
        .resolve(entity.accountSid, memoryStoreId, addresses)
        .invoke(profile -> entity.profileId = profile)
        .replaceWith(entity);
  }
}
