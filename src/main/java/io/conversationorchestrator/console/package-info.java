/**
 * The operator console under {@code /console}: server-rendered Qute pages, a small script of our
 * own for live updates (server-sent events) and countdowns. Sign-in uses the API's credentials
 * ({@code account.CredentialVerifier}); the session is a signed cookie, so every replica accepts
 * it. Every action goes through the services the API uses ({@code conversation}, {@code
 * configuration}, {@code callback}). Uses those packages, {@code account}, {@code api} and {@code
 * platform}; nothing depends on this package.
 */
package io.conversationorchestrator.console;
