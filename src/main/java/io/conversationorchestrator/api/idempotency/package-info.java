/**
 * {@code Idempotency-Key} on every mutating call: the first answer is stored in the change's own
 * transaction and replayed for the same request, a different request under the key answers 422.
 * Part of {@code api}; uses {@code platform}.
 */
package io.conversationorchestrator.api.idempotency;
