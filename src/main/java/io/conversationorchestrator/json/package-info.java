/**
 * How every JSON request body is read: one strict Jackson configuration shared by the REST layer,
 * PATCH merges and Kafka ingestion. Input is rejected, never repaired: invalid UTF-8, NUL and lone
 * surrogates, repeated keys, trailing bytes, coerced scalars and out-of-range date-times all fail
 * with a {@link io.conversationorchestrator.json.InvalidJsonException} naming the field. Depends on
 * Jackson (and CDI for the producer) only.
 */
package io.conversationorchestrator.json;
