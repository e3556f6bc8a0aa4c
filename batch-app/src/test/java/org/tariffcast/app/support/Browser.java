package org.tariffcast.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and
 * {@code chromium-driver} ({@code /usr/bin/chromedriver}; Selenium Manager cannot download a
 * driver here). Absent, tests skip with the reason printed, unless
 * {@code TARIFFCAST_REQUIRE_SERVICES=true} ({@code .ci/run}, which installs them), where they fail.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of(Services.setting("tariffcast.test.chromium", "/usr/bin/chromium"));
  public static final Path DRIVER = Path.of(Services.setting("tariffcast.test.chromedriver", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  public final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Skips (or in CI fails) unless Chromium and its driver are installed; else starts a headless browser. */
  public static Browser open() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String reason = "Chromium (" + CHROMIUM + ") or its driver (" + DRIVER + ") is not installed: "
          + "apt-get install chromium chromium-driver";
      if (Services.required()) {
        Assertions.fail(reason + "; TARIFFCAST_REQUIRE_SERVICES=true requires it");
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver);
  }

  public Browser get(String url) {
    driver.get(url);
    return this;
  }

  public String text() {
    return driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
  }

  /** A PNG of the whole page under {@code target/screenshots/}. */
  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Object height = ((JavascriptExecutor) driver).executeScript(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
    int h = height instanceof Number n ? Math.min(6000, Math.max(700, n.intValue() + 40)) : 1000;
    driver.manage().window().setSize(new Dimension(1400, h));
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1400, 1000));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
