/**
 * Subscriptions (our extension, {@code /v2/Subscriptions}): a URL that receives the events of every
 * conversation of the account, or of the conversations of one configuration, delivered by the
 * status callback machinery (package {@code callback} reads them through {@link
 * io.conversationorchestrator.subscription.Subscriptions}). Changing one emits no event. Uses
 * {@code configuration} (the URL rules, the configuration a subscription may name), {@code
 * account}, {@code api} and {@code platform}.
 */
package io.conversationorchestrator.subscription;
