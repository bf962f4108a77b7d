/**
 * Keyset paging as the contract pages: {@code pageSize}/{@code PageSize}, URL-safe tokens that
 * carry the filters of the first request, and the {@code meta} block of list answers. Part of
 * {@code api}.
 */
package io.conversationorchestrator.api.paging;
