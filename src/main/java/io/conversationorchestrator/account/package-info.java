/**
 * Accounts and who is calling: account and API-key credentials (bcrypt-hashed, cached), HTTP Basic
 * and operator-token filters, the operator API, webhook signing secrets and the bootstrap account.
 * Uses {@code api} and {@code platform}; no other feature depends on more than {@link
 * io.conversationorchestrator.account.CallerAccount} and the webhook secrets.
 */
package io.conversationorchestrator.account;
