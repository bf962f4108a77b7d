/**
 * Conversations: create (with their participants and grouping key), read, list, replace, patch and
 * delete, each change with its event in one transaction. A conversation's settings are a snapshot
 * taken at creation: of its configuration with the request's overrides, or of a configuration the
 * request defines inline; its timers and status callbacks follow the snapshot. Its sub-packages are
 * parts of the same aggregate, nested as the URLs nest them: {@code participant}, {@code
 * communication}, and {@code lifecycle}, whose sweeper moves conversation rows through their
 * timers. Uses {@code configuration}, {@code operation}, {@code events}, {@code api} and {@code
 * platform}.
 */
package io.conversationorchestrator.conversation;
