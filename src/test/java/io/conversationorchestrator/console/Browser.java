package io.conversationorchestrator.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through its own chromedriver: both paths are given, so Selenium Manager
 * never runs and nothing is downloaded. A fresh profile per browser; waits are on conditions.
 */
public final class Browser implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  public Browser(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    try {
      profile = Files.createTempDirectory("console-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public <T> T await(ExpectedCondition<T> condition) {
    return waiting().until(condition);
  }

  /**
   * The text of an element that a live update may replace at any moment: read again when the
   * element read was replaced meanwhile.
   */
  public String text(String css) {
    return waiting().until(d -> d.findElement(By.cssSelector(css)).getText());
  }

  /** Clicks an element that a live update may replace at any moment. */
  public void click(String css) {
    waiting()
        .until(
            d -> {
              d.findElement(By.cssSelector(css)).click();
              return true;
            });
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  public void signIn(String username, String secret) {
    open("/console/sign-in");
    find("#username").sendKeys(username);
    find("#secret").sendKeys(secret);
    find("#sign-in").click();
  }

  /** Saves what the browser shows as docs/console/{name}.png, at the given width. */
  public void screenshot(String name, int width) {
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(width, 900));
    try {
      Path target = Path.of("docs", "console", name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
