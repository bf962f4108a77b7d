/**
 * The control plane's configurations: grouping, memory store, channel timers and capture rules,
 * status callbacks, the v1 bridge; create, replace, merge-patch and delete, each completed as an
 * operation in the request's transaction. Uses {@code operation}, {@code events}, {@code api} and
 * {@code platform}.
 */
package io.conversationorchestrator.configuration;
