package io.conversationorchestrator.events;

/** The status change an event reports, with its reason (TIMER, API, ACTIVITY). */
public record StatusChange(String previousStatus, String status, String reason) {}
