package io.conversationorchestrator.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The console session of the current request, set by {@link ConsoleSessionFilter}. */
@RequestScoped
public class ConsoleCaller {
  private ConsoleSession session;

  public ConsoleSession session() {
    if (session == null) {
      throw new IllegalStateException("No console session on this request");
    }
    return session;
  }

  public String accountSid() {
    return session().accountSid();
  }

  /** Every mutation echoes the session's token: a cross-site form cannot know it. */
  public void requireCsrf(String token) {
    byte[] expected = session().csrf().getBytes(StandardCharsets.UTF_8);
    byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new ForbiddenException("Missing or wrong anti-forgery token");
    }
  }

  void signedIn(ConsoleSession session) {
    this.session = session;
  }
}
