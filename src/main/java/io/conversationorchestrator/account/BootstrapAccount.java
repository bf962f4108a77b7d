package io.conversationorchestrator.account;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Makes the configured bootstrap account exist at start-up (idempotent across restarts). */
@ApplicationScoped
public class BootstrapAccount {
  private static final Logger LOG = Logger.getLogger(BootstrapAccount.class);

  void onStart(@Observes StartupEvent event, BootstrapConfig config, AccountService accounts)
      throws Throwable {
    if (config.accountSid().isEmpty() || config.authToken().isEmpty()) {
      return;
    }
    String sid = config.accountSid().get();
    if (!Sids.ACCOUNT.matcher(sid).matches()) {
      throw new IllegalArgumentException(
          "orchestrator.bootstrap.account-sid must be AC followed by 32 lowercase hex digits");
    }
    VertxContextSupport.subscribeAndAwait(
        () -> accounts.ensureAccount(sid, config.authToken().get(), "bootstrap"));
    LOG.infof("Bootstrap account %s is ready", sid);
  }
}
