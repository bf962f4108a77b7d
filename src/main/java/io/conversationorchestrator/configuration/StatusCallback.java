package io.conversationorchestrator.configuration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A webhook destination; {@code method} defaults to POST as in the contract. */
public record StatusCallback(
    @NotNull
        @Size(max = 2048)
        @Pattern(
            regexp = "^(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?$",
            message = "must be an absolute http(s) URL")
        String url,
    CallbackMethod method) {

  public StatusCallback {
    method = method == null ? CallbackMethod.POST : method;
  }
}
