/**
 * JSON log lines for production (one object per line, with the MDC), switched on by configuration.
 * Depends on nothing of the application.
 */
package io.conversationorchestrator.logging;
