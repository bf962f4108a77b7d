package io.conversationorchestrator.operation;

/** RFC 9457 problem details, as a failed operation reports them. */
public record Problem(String type, String title, int status, String detail, String instance) {}
