/**
 * The API's common parts: errors, paging, idempotency, request guards, and the names the resources'
 * OpenAPI annotations share ({@link io.conversationorchestrator.api.ApiDocs}).
 */
package io.conversationorchestrator.api;
