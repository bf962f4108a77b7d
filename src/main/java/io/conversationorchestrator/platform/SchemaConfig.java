package io.conversationorchestrator.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The database schema: Flyway migrations, run at start-up over a JDBC connection of their own. */
@ConfigMapping(prefix = "orchestrator.schema")
public interface SchemaConfig {
  /** Whether start-up applies pending migrations (under Flyway's lock) before anything else. */
  @WithDefault("true")
  boolean migrateAtStart();
}
