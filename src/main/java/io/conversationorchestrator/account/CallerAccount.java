package io.conversationorchestrator.account;

import jakarta.enterprise.context.RequestScoped;

/** The account the current request acts for, set by {@link AccountAuthenticationFilter}. */
@RequestScoped
public class CallerAccount {
  private String sid;

  public String sid() {
    if (sid == null) {
      throw new IllegalStateException("No authenticated account on this request");
    }
    return sid;
  }

  void authenticate(String accountSid) {
    this.sid = accountSid;
  }
}
