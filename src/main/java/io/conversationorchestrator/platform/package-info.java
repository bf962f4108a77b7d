/**
 * What every feature runs on and that knows no feature: the schema migrations at start-up, the
 * service's clock, the data plane's SQL client transactions, PostgreSQL query plans per
 * transaction, Vert.x contexts, the repeating background job and the retention of bookkeeping rows,
 * and W3C trace context where OpenTelemetry's instrumentation does not carry it. Depends on nothing
 * of the application.
 */
package io.conversationorchestrator.platform;
