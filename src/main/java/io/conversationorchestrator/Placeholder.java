package io.conversationorchestrator;

class Placeholder {}
