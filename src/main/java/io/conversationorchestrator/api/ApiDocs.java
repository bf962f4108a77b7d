package io.conversationorchestrator.api;

/**
 * Names and texts the resources' OpenAPI annotations share: the reusable error answers (declared in
 * {@code io.conversationorchestrator.openapi}) and the success descriptions said more than once.
 */
public final class ApiDocs {
  /** Reusable error answers, each with the {@link ErrorBody} schema. */
  public static final String BAD_REQUEST = "BadRequest";

  public static final String UNAUTHORIZED = "Unauthorized";
  public static final String NOT_FOUND = "NotFound";
  public static final String CONFLICT = "Conflict";
  public static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";
  public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

  /** Schemas of PATCH bodies (read as a JSON tree), declared with the document's components. */
  public static final String CONFIGURATION_PATCH = "ConfigurationPatch";

  public static final String CONVERSATION_PATCH = "ConversationPatch";
  public static final String SUBSCRIPTION_PATCH = "SubscriptionPatch";
  public static final String PATCH_BODY = "Fields to change; absent fields stay as they are";

  /**
   * The reusable 202 answer with the {@code OperationAccepted} schema; the document adds the
   * operation's headers (Operation-Id, Location ...).
   */
  public static final String ACCEPTED_RESPONSE = "Accepted";

  /** The 202 answer's description. */
  public static final String ACCEPTED =
      "Accepted and already applied: poll statusUrl (also in Location) for the operation";

  /** The schema of the page size parameters (pageSize and its alias PageSize). */
  public static final String PAGE_SIZE = "PageSize";

  private ApiDocs() {}
}
