/**
 * The HTTP API's shared parts: the error body and the mapping of every failure to it, the request
 * guard (target, headers, body size), validation, ids, replies, and the names the resources'
 * OpenAPI annotations share ({@link io.conversationorchestrator.api.ApiDocs}); paging and
 * idempotency are its sub-packages. Uses {@code json} and {@code platform}; knows no feature.
 */
package io.conversationorchestrator.api;
