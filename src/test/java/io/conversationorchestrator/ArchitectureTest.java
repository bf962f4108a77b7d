package io.conversationorchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.conversationorchestrator.account.CredentialVerifier;
import io.conversationorchestrator.account.StoredCredentials;
import io.conversationorchestrator.action.Action;
import io.conversationorchestrator.action.ActionEvents;
import io.conversationorchestrator.action.ActionRepository;
import io.conversationorchestrator.action.ActionResource;
import io.conversationorchestrator.action.ActionResults;
import io.conversationorchestrator.action.ActionService;
import io.conversationorchestrator.action.ActionSweeper;
import io.conversationorchestrator.action.ResultConsumer;
import io.conversationorchestrator.callback.CallbackDeliveryRepository;
import io.conversationorchestrator.callback.CallbackDeliveryService;
import io.conversationorchestrator.callback.CallbackSender;
import io.conversationorchestrator.callback.DeliveryPlanner;
import io.conversationorchestrator.callback.DeliveryQueue;
import io.conversationorchestrator.callback.Dispatcher;
import io.conversationorchestrator.callback.EventIntake;
import io.conversationorchestrator.callback.SigningKeys;
import io.conversationorchestrator.configuration.ConfigurationRows;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.ConversationEvents;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.conversation.ConversationRows;
import io.conversationorchestrator.conversation.ConversationService;
import io.conversationorchestrator.conversation.ConversationUpdates;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.conversation.communication.Communication;
import io.conversationorchestrator.conversation.communication.CommunicationRepository;
import io.conversationorchestrator.conversation.communication.CommunicationRows;
import io.conversationorchestrator.conversation.communication.CommunicationService;
import io.conversationorchestrator.conversation.communication.ParticipantResolver;
import io.conversationorchestrator.conversation.lifecycle.Sweeper;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantFactory;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
import io.conversationorchestrator.conversation.participant.ParticipantRows;
import io.conversationorchestrator.conversation.participant.ParticipantService;
import io.conversationorchestrator.conversation.participant.ProfileResolver;
import io.conversationorchestrator.events.OutboxRelay;
import io.conversationorchestrator.ingestion.InboundConsumer;
import io.conversationorchestrator.ingestion.IngestionService;
import io.conversationorchestrator.subscription.Subscriptions;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package rules of {@code package-info.java}, kept by the build: no cycles between top-level
 * packages, the shared packages know no feature, the lifecycle rules stay pure, and the data plane
 * stays off Hibernate.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.conversationorchestrator");

  private static final String[] FEATURES = {
    "io.conversationorchestrator.account..",
    "io.conversationorchestrator.action..",
    "io.conversationorchestrator.callback..",
    "io.conversationorchestrator.configuration..",
    "io.conversationorchestrator.conversation..",
    "io.conversationorchestrator.events..",
    "io.conversationorchestrator.ingestion..",
    "io.conversationorchestrator.operation..",
    "io.conversationorchestrator.subscription..",
    "io.conversationorchestrator.openapi..",
    "io.conversationorchestrator.console.."
  };

  private static final ArchRule noCyclesBetweenTopLevelPackages =
      slices().matching("io.conversationorchestrator.(*)..").should().beFreeOfCycles();

  private static final ArchRule sharedPackagesKnowNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.conversationorchestrator.api..",
              "io.conversationorchestrator.platform..",
              "io.conversationorchestrator.json..",
              "io.conversationorchestrator.logging..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES);

  private static final ArchRule platformIsBelowTheApi =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.conversationorchestrator.platform..",
              "io.conversationorchestrator.json..",
              "io.conversationorchestrator.logging..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.conversationorchestrator.api..");

  private static final ArchRule nothingUsesTheOpenApiDescription =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.conversationorchestrator.openapi..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.conversationorchestrator.openapi..");

  /** The console is a client of the features: removing it must leave the service whole. */
  private static final ArchRule nothingUsesTheConsole =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.conversationorchestrator.console..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.conversationorchestrator.console..");

  private static final ArchRule lifecycleRulesArePure =
      noClasses()
          .that()
          .haveSimpleName("LifecycleRules")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..",
              "java.net..",
              "java.sql..",
              "io.vertx..",
              "io.smallrye.mutiny..",
              "org.hibernate..",
              "jakarta.persistence..",
              "io.quarkus..")
          .orShould()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Clock.class);

  /**
   * The data plane (issue 15): hot paths on the reactive SQL client, no Hibernate session. Add a
   * class here when its path leaves Hibernate.
   */
  private static final Class<?>[] DATA_PLANE = {
    Sweeper.class,
    OutboxRelay.class,
    // callback pipeline and delivery log
    EventIntake.class,
    DeliveryPlanner.class,
    DeliveryQueue.class,
    Dispatcher.class,
    CallbackSender.class,
    CallbackDeliveryService.class,
    CallbackDeliveryRepository.class,
    Subscriptions.class,
    SigningKeys.class,
    // conversations, participants, communications, ingestion
    ConversationService.class,
    ConversationUpdates.class,
    OpenConversations.class,
    ConversationEvents.class,
    ConversationRows.class,
    ParticipantService.class,
    ParticipantFactory.class,
    ProfileResolver.class,
    ParticipantRows.class,
    CommunicationService.class,
    ParticipantResolver.class,
    CommunicationRepository.class,
    CommunicationRows.class,
    IngestionService.class,
    InboundConsumer.class,
    ConfigurationRows.class,
    // rows and their repositories, credentials
    Conversation.class,
    Participant.class,
    Communication.class,
    ConversationRepository.class,
    ParticipantRepository.class,
    CredentialVerifier.class,
    StoredCredentials.class,
    // actions
    ActionService.class,
    ActionResults.class,
    ActionRepository.class,
    Action.class,
    ActionSweeper.class,
    ActionEvents.class,
    ResultConsumer.class,
    ActionResource.class,
  };

  private static final ArchRule dataPlaneUsesNoHibernate =
      noClasses()
          .that()
          .belongToAnyOf(DATA_PLANE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.hibernate..", "io.quarkus.hibernate..");

  static Stream<ArchRule> rules() {
    return Stream.of(
        noCyclesBetweenTopLevelPackages,
        sharedPackagesKnowNoFeature,
        platformIsBelowTheApi,
        nothingUsesTheOpenApiDescription,
        nothingUsesTheConsole,
        lifecycleRulesArePure,
        dataPlaneUsesNoHibernate);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(ArchRule rule) {
    rule.check(MAIN);
  }
}
