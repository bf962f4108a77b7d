package io.conversationorchestrator.api;

/** A failure the client caused or must be told about; mapped to the contract's error body. */
public class ApiException extends RuntimeException {
  private final ApiError error;
  private final String conflictingResourceId;

  public ApiException(ApiError error, String message) {
    this(error, message, null);
  }

  public ApiException(ApiError error, String message, String conflictingResourceId) {
    super(message, null, false, false);
    this.error = error;
    this.conflictingResourceId = conflictingResourceId;
  }

  public static ApiException invalid(String message) {
    return new ApiException(ApiError.INVALID_PARAMETER, message);
  }

  public static ApiException notFound(ResourceType type, String id) {
    return new ApiException(
        ApiError.NOT_FOUND, "The requested " + type.displayName() + " " + id + " was not found");
  }

  public static ApiException conflict(String message, String conflictingResourceId) {
    return new ApiException(ApiError.CONFLICT, message, conflictingResourceId);
  }

  public ApiError error() {
    return error;
  }

  public String conflictingResourceId() {
    return conflictingResourceId;
  }
}
