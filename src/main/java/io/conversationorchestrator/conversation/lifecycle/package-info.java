/**
 * The lifecycle engine: {@link io.conversationorchestrator.conversation.lifecycle.LifecycleRules}
 * decides every transition and deadline and is pure (no clock, no I/O; an architecture test keeps
 * it so); the sweeper claims due conversations with {@code FOR UPDATE SKIP LOCKED} and applies the
 * rules, any number of replicas at once. It lives under {@code conversation} because the sweeper
 * works on conversation rows and conversations embed the timeline. Uses {@code events}, {@code api}
 * and {@code platform}.
 */
package io.conversationorchestrator.conversation.lifecycle;
