package io.conversationorchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/** The operator console in a real browser: sign-in, live lifecycle, escaping, isolation. */
@QuarkusTest
class ConsoleTest {
  @TestHTTPResource("/")
  URL base;

  private Browser browser;

  @BeforeEach
  void start() {
    browser = new Browser(base.toString());
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  @Test
  void signsInWithTheApiCredentialsAndRefusesAWrongSecret() {
    Api api = Api.newAccount();
    browser.signIn(api.accountSid(), "not-the-token");
    browser.await(visibilityOfElementLocated(By.id("sign-in-error")));
    assertThat(browser.driver().getCurrentUrl()).contains("/console/sign-in");
    browser.screenshot("sign-in", 1280);

    browser.signIn(api.accountSid(), api.authToken());
    browser.await(urlContains("/console/conversations"));
    browser.await(visibilityOfElementLocated(By.id("conversations")));
    assertThat(browser.text(".account")).isEqualTo(api.accountSid());

    browser.find(".signout button").click();
    browser.await(urlContains("/console/sign-in"));
    browser.open("/console/conversations");
    browser.await(urlContains("/console/sign-in"));
  }

  @Test
  void createsAConfigurationFromTheFormWithTheApisFieldErrors() {
    Api api = Api.newAccount();
    browser.signIn(api.accountSid(), api.authToken());
    browser.await(urlContains("/console/conversations"));
    browser.open("/console/configurations/new");
    browser.find("#displayName").sendKeys("console made");
    browser.find("#memoryStoreId").sendKeys("not-a-store");
    browser.find("#SMS-inactive").sendKeys("30");
    browser.find("#SMS-closed").sendKeys("10");
    browser.find("#save").click();
    browser.await(visibilityOfElementLocated(By.id("memoryStoreId-error")));
    assertThat(browser.text("#memoryStoreId-error")).contains("must match");
    assertThat(browser.text("#description-error")).isNotBlank();
    assertThat(browser.text("#SMS-error")).isNotBlank();
    browser.screenshot("configuration-form", 1280);

    browser.find("#description").sendKeys("Made in the console");
    browser.find("#memoryStoreId").clear();
    browser.find("#memoryStoreId").sendKeys(Fixtures.MEMORY_STORE);
    browser.find("#SMS-closed").clear();
    browser.find("#SMS-closed").sendKeys("90");
    browser.find("#save").click();
    browser.await(visibilityOfElementLocated(By.id("timers")));
    assertThat(browser.text("#configuration-name")).isEqualTo("console made");
    assertThat(browser.text("#timers")).contains("SMS 30 90");
    String id = browser.driver().getCurrentUrl().replaceAll(".*/", "");
    api.request()
        .get("/v2/ControlPlane/Configurations/" + id)
        .then()
        .statusCode(200)
        .body("channelSettings.SMS.statusTimeouts.inactive", org.hamcrest.Matchers.is(30))
        .body("description", org.hamcrest.Matchers.is("Made in the console"));
    browser.screenshot("configuration", 1280);
  }

  @Test
  void aConversationGoesActiveInactiveClosedOnItsPageWithoutReload() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "console-timers", "{\"SMS\":{\"statusTimeouts\":{\"inactive\":4,\"closed\":12}}}"));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    browser.signIn(api.accountSid(), api.authToken());
    browser.await(urlContains("/console/conversations"));
    browser.screenshot("conversations", 1280);

    browser.open("/console/conversations/" + id);
    browser.await(textToBePresentInElementLocated(By.id("status"), "ACTIVE"));
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.notReloaded = true;");
    browser.await(textToBePresentInElementLocated(By.id("status"), "INACTIVE"));
    browser.await(textToBePresentInElementLocated(By.cssSelector(".timeline"), "Reason: TIMER"));
    browser.screenshot("conversation", 1280);
    browser.await(textToBePresentInElementLocated(By.id("status"), "CLOSED"));
    assertThat(browser.text(".timeline"))
        .contains("Status ACTIVE → INACTIVE", "Status INACTIVE → CLOSED");
    assertThat(js.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    browser.screenshot("conversation-phone", 390);
  }

  @Test
  void userContentRendersAsText() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String name = "<script>alert(1)</script>";
    String body =
        Fixtures.seedConversation(configuration)
            .replace("Support chat for Kiran", name.replace("/", "\\/"))
            .replaceFirst("\\{", "{\"metadata\":{\"note\":\"<img src=x onerror=alert(2)>\"},");
    String id = Fixtures.createConversation(api, body);
    api.request()
        .body(
            Fixtures.textCommunication(
                "+15551234567", "+15550001111", "<b id=injected>bold</b><script>alert(3)</script>"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    browser.signIn(api.accountSid(), api.authToken());
    browser.await(urlContains("/console/conversations"));
    assertThat(browser.text("#conversations")).contains(name);

    browser.open("/console/conversations/" + id);
    browser.await(visibilityOfElementLocated(By.id("conversation-name")));
    assertThat(browser.text("#conversation-name")).isEqualTo(name);
    assertThat(browser.text(".metadata")).contains("<img src=x onerror=alert(2)>");
    assertThat(browser.text(".timeline"))
        .contains("<b id=injected>bold</b><script>alert(3)</script>");
    assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("main script"))).isEmpty();
    assertNoAlert();

    browser.find("#close").click();
    browser.await(textToBePresentInElementLocated(By.id("status"), "CLOSED"));
    browser.await(textToBePresentInElementLocated(By.cssSelector(".timeline"), "Reason: API"));
  }

  @Test
  void anotherAccountsConversationIsNotFound() {
    Api other = Api.newAccount();
    String configuration = Fixtures.createConfiguration(other, Fixtures.seedConfiguration());
    String theirs = Fixtures.createConversation(other, Fixtures.seedConversation(configuration));
    Api api = Api.newAccount();
    browser.signIn(api.accountSid(), api.authToken());
    browser.await(urlContains("/console/conversations"));
    browser.open("/console/conversations/" + theirs);
    browser.await(visibilityOfElementLocated(By.id("not-found")));
    assertThat(browser.driver().getPageSource()).doesNotContain("Support chat for Kiran");
  }

  @Test
  void aFailingCallbackTurnsDeadAndIsRedeliveredFromTheConsole() throws Exception {
    try (CallbackSink sink = new CallbackSink()) {
      sink.failFirst("/console-hook", 1, 404);
      Api api = Api.newAccount();
      String id =
          Callbacks.conversationWithCallbacks(
              api, "{\"url\":\"" + sink.url("/console-hook") + "\"}");
      browser.signIn(api.accountSid(), api.authToken());
      browser.await(urlContains("/console/conversations"));
      browser.open("/console/webhooks");
      browser.await(textToBePresentInElementLocated(By.id("webhooks"), "DEAD"));
      assertThat(browser.text("#webhooks")).contains("localhost", "404");
      browser.screenshot("webhooks", 1280);

      browser.click("#webhooks .redeliver");
      browser.await(visibilityOfElementLocated(By.id("no-failing")));
      browser.open("/console/conversations/" + id);
      browser.await(textToBePresentInElementLocated(By.cssSelector(".timeline"), "SUCCEEDED"));
      assertThat(sink.at("/console-hook")).hasSize(2);
    }
  }

  @Test
  void healthShowsReadinessAndTheServicesMeters() {
    Api api = Api.newAccount();
    browser.signIn(api.accountSid(), api.authToken());
    browser.await(urlContains("/console/conversations"));
    browser.open("/console/health");
    browser.await(textToBePresentInElementLocated(By.id("health"), "latest"));
    String readiness = browser.text("#readiness").toLowerCase();
    assertThat(readiness).contains("postgresql", "kafka");
    assertThat(browser.driver().findElements(By.cssSelector("#readiness .status-down"))).isEmpty();
    for (String chart : new String[] {"transitions", "sweep-lag", "queue", "outbox"}) {
      assertThat(browser.driver().findElements(By.cssSelector("#chart-" + chart + " > svg")))
          .hasSize(1);
    }
    browser.screenshot("health", 1280);
  }

  private void assertNoAlert() {
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("an alert opened: user content ran as script");
    } catch (NoAlertPresentException expected) {
      // rendered as text
    }
  }
}
