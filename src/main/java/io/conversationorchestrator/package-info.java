/**
 * The service: {@link io.conversationorchestrator.Main} and one package per concern below. Features
 * ({@code account}, {@code action}, {@code configuration}, {@code conversation}, {@code callback},
 * {@code events}, {@code ingestion}, {@code operation}) use the shared {@code api}, {@code json},
 * {@code platform} and {@code logging}, never the other way round; {@code openapi} describes the
 * features and nothing uses it. {@code ArchitectureTest} keeps these rules and forbids cycles
 * between packages.
 */
package io.conversationorchestrator;
