package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.AddressRules;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks an ingest body as the REST and Kafka paths both need it. */
@ApplicationScoped
public class IngestChecks {
  private final RequestValidation validation;

  public IngestChecks(RequestValidation validation) {
    this.validation = validation;
  }

  public IngestBody check(IngestBody body) {
    validation.check(body);
    if (body.content() == null && body.callEvent() == null) {
      throw ApiException.invalid(
          "Invalid value for 'content': required unless 'callEvent' is given");
    }
    check("from", new Address(body.channel(), body.from(), null));
    check("to", new Address(body.channel(), body.to(), null));
    return body;
  }

  private static void check(String field, Address address) {
    String problem = AddressRules.problem(address);
    if (problem != null) {
      throw ApiException.invalid("Invalid value for '" + field + "': " + problem);
    }
  }
}
