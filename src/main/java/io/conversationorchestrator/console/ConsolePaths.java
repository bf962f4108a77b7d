package io.conversationorchestrator.console;

/** The console's addresses, in one place for resources, redirects and templates. */
final class ConsolePaths {
  static final String ROOT = "/console";
  static final String SIGN_IN = "/console/sign-in";
  static final String CONVERSATIONS = "/console/conversations";
  static final String CONFIGURATIONS = "/console/configurations";
  static final String WEBHOOKS = "/console/webhooks";

  private ConsolePaths() {}

  static String conversation(String id) {
    return CONVERSATIONS + "/" + id;
  }

  static String configuration(String id) {
    return CONFIGURATIONS + "/" + id;
  }
}
