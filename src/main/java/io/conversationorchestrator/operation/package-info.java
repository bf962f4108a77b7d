/**
 * Operations: the {@code statusUrl} a control-plane change answers with, recorded COMPLETED in the
 * change's own transaction. Uses {@code api} and {@code platform}.
 */
package io.conversationorchestrator.operation;
