package org.tariffcast.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.tariffcast.app.support.Browser;
import org.tariffcast.app.support.Results;
import org.tariffcast.app.support.SlowPartitions;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * The web console in a real headless Chromium, against a real H2 file database with real runs:
 * the Runs page, a run's page (headline numbers, workbook and brief), live progress of a running
 * job, the resume button, the Schedules page, the login beyond loopback, and {@code ../} in URLs.
 * Screenshots of each page go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  Path tmp;
  Workspace ws;
  Path study;
  ConfigurableApplicationContext console;
  String base;
  Browser browser;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    tmp = dir;
    browser = Browser.open();
    SlowPartitions.reset();
    study = Studies.gsimWithPartitions(tmp.resolve("study"), 4);
    ws = Workspace.h2(tmp.resolve("ws")).with("tariffcast.schedules[0].name", "nightly")
        .with("tariffcast.schedules[0].cron", "0 0 2 * * ?").with("tariffcast.schedules[0].zone", "Asia/Ho_Chi_Minh")
        .with("tariffcast.schedules[0].trials", "20000").with("tariffcast.time-zone", "Asia/Ho_Chi_Minh");
    Workspace.Result r = ws.cli("run", "--config", study.toString(), "--trials", "400");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    console = ConsoleServer.start(args(ws, "--server.port=0"), false);
    base = ConsoleServer.address(console);
  }

  static List<String> args(Workspace w, String... extra) {
    List<String> args = new ArrayList<>();
    w.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
    args.addAll(List.of(extra));
    return args;
  }

  @AfterAll
  void stop() {
    SlowPartitions.reset();
    if (console != null) {
      console.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  HttpResponse<byte[]> fetch(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  @Order(1)
  void theRunsPageListsAFinishedRun() throws Exception {
    browser.get(base + "runs");
    WebElement row = browser.driver.findElement(By.cssSelector("table.runs tbody tr"));
    assertThat(row.getText()).contains("1", "completed", "400", "gsim", "command line");
    String hash = ws.jdbc().queryForObject("SELECT config_sha256 FROM projection_run WHERE run_id = 1", String.class);
    assertThat(row.getText()).contains(hash.substring(0, 12));
    assertThat(browser.text()).contains("Started (Asia/Ho_Chi_Minh)").contains("ICT");
    browser.screenshot("runs");
    browser.get(base + "runs?status=FAILED");
    assertThat(browser.text()).contains("No runs match.");
  }

  @Test
  @Order(2)
  void aRunsPageShowsItsHeadlineNumbersAndServesTheWorkbookAndTheBrief() throws Exception {
    JdbcTemplate db = ws.jdbc();
    String folder = db.queryForObject("SELECT report_path FROM projection_run WHERE run_id = 1", String.class);
    Path brief = ws.reports.resolve(folder).resolve("tariffcast-brief-run-1.pdf");
    byte[] pdf = "%PDF-1.4\n% a stand-in for the brief\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (!Files.exists(brief)) {
      Files.write(brief, pdf);
    }
    browser.get(base + "runs/1");
    String text = browser.text();
    // the stored median of the first scenario's final-year imports, in USD bn with one decimal
    Map<String, Object> kpi = db.queryForMap("SELECT k.scenario, k.p50 FROM kpi_statistics k JOIN run_scenario s "
        + "ON s.run_id = k.run_id AND s.name = k.scenario WHERE k.run_id = 1 AND k.metric = 'imports_from_partner' "
        + "AND k.breakdown = 'total' AND k.time_window = 'final_year' AND k.measure = 'level' ORDER BY s.ordinal "
        + "FETCH FIRST 1 ROWS ONLY");
    String usd = String.format(Locale.ROOT, "USD %.1f bn", ((Number) kpi.get("P50")).doubleValue() / 1e9);
    WebElement table = browser.driver.findElement(By.cssSelector("table.headline"));
    WebElement scenarioRow = table.findElements(By.cssSelector("tbody tr")).stream()
        .filter(tr -> tr.findElement(By.tagName("th")).getText().equals(kpi.get("SCENARIO"))).findFirst().orElseThrow();
    assertThat(scenarioRow.findElements(By.tagName("td")).get(0).getText()).contains(usd);
    assertThat(text).contains("Headline numbers", "Brief (PDF)", "Workbook (Excel)", "completed");
    browser.screenshot("run-completed");

    String workbookHref = browser.driver.findElement(By.partialLinkText("Workbook (Excel)")).getAttribute("href");
    HttpResponse<byte[]> xlsx = fetch(workbookHref);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getSheet("Summary")).isNotNull();
    }
    String briefHref = browser.driver.findElement(By.partialLinkText("Brief (PDF)")).getAttribute("href");
    HttpResponse<byte[]> served = fetch(briefHref);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(Files.readAllBytes(brief));
    assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
  }

  @Test
  @Order(3)
  void liveProgressMovesWhileTheRunIsGoing() throws Exception {
    Workspace slow = Workspace.h2(ws.root).with("spring.main.sources", SlowPartitions.class.getName());
    Path eight = Studies.gsimWithPartitions(tmp.resolve("eight"), 8);
    SlowPartitions.DELAY_MS.set(700);
    CompletableFuture<Workspace.Result> run = CompletableFuture.supplyAsync(
        () -> slow.cli("run", "--config", eight.toString(), "--trials", "800", "--threads", "1"));
    try {
      long runId = waitForRun(2);
      browser.get(base + "runs/" + runId);
      assertThat(browser.text()).contains("running");
      List<Integer> seen = new ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end && !run.isDone()) {
        List<WebElement> p = browser.driver.findElements(By.id("partitions"));
        if (!p.isEmpty()) {
          String t = p.get(0).getText();
          if (t.matches("\\d+ of 8 partitions done")) {
            int n = Integer.parseInt(t.substring(0, t.indexOf(' ')));
            if (seen.isEmpty() || seen.get(seen.size() - 1) != n) {
              seen.add(n);
              if (seen.size() == 3) {
                browser.screenshot("run-running");
              }
            }
          }
        }
        Thread.sleep(200);
      }
      // the page was never reloaded by the test: the numbers moved by themselves, upwards
      assertThat(seen).as("partitions done as the page showed them").hasSizeGreaterThanOrEqualTo(3);
      assertThat(seen).isSorted();
      assertThat(run.get().code()).as(run.get().out() + run.get().err()).isZero();
      new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElement(By.id("status")).getText().equals("completed"));
    } finally {
      SlowPartitions.reset();
    }
  }

  long waitForRun(long minimum) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      Long id = ws.jdbc().queryForObject("SELECT MAX(run_id) FROM projection_run WHERE status = 'STARTED' "
          + "AND partitions IS NOT NULL", Long.class);
      if (id != null && id >= minimum) {
        return id;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no run started");
  }

  @Test
  @Order(4)
  void theResumeButtonResumesAFailedRunAndItsNumbersEqualACleanRuns() throws Exception {
    Workspace failing = Workspace.h2(ws.root).with("spring.main.sources", SlowPartitions.class.getName());
    SlowPartitions.FAIL_FROM.set(2);
    Workspace.Result failed;
    try {
      failed = failing.cli("run", "--config", study.toString(), "--trials", "400", "--seed", "11", "--threads", "1");
    } finally {
      SlowPartitions.reset();
    }
    assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(1);
    long runId = ws.jdbc().queryForObject("SELECT MAX(run_id) FROM projection_run", Long.class);
    assertThat(ws.jdbc().queryForObject("SELECT status FROM projection_run WHERE run_id = ?", String.class, runId))
        .isEqualTo("FAILED");

    browser.get(base + "runs/" + runId);
    assertThat(browser.text()).contains("failed", "partition 2 fails on purpose");
    browser.screenshot("run-failed");
    browser.driver.findElement(By.linkText("Resume this run…")).click();
    assertThat(browser.text()).contains("Resume run " + runId + "?");
    browser.screenshot("confirm-resume");
    assertThat(browser.driver.findElement(By.cssSelector("form input[name=_csrf]")).getAttribute("value")).isNotBlank();
    browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(d -> ws.jdbc().queryForObject(
        "SELECT status FROM projection_run WHERE run_id = ?", String.class, runId).equals("COMPLETED"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("status")).getText().equals("completed"));

    Workspace clean = Workspace.h2(tmp.resolve("clean"));
    assertThat(clean.cli("run", "--config", study.toString(), "--trials", "400", "--seed", "11", "--threads", "1")
        .code()).isZero();
    Results.assertSameNumbers(Results.load(ws, runId), Results.load(clean, 1));
  }

  @Test
  @Order(5)
  void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "runs/1/report"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).doesNotContain("Exception", "at org.");
  }

  @Test
  @Order(6)
  void theSchedulesPageShowsTheNextFireInThePlannersZoneAndSwitchesASchedule() throws Exception {
    browser.get(base + "schedules");
    String text = browser.text();
    assertThat(text).contains("nightly", "0 0 2 * * ?", "enabled", "never fired");
    // 02:00 in Ho Chi Minh City, shown in the configured zone (the same one here)
    assertThat(text).containsPattern("\\d{4}-\\d\\d-\\d\\d 02:00:00 ICT");
    browser.screenshot("schedules");
    browser.driver.findElement(By.xpath("//button[text()='Switch off']")).click();
    assertThat(browser.text()).contains("switched off", "disabled");
    assertThat(ws.jdbc().queryForObject("SELECT enabled FROM schedule_switch WHERE schedule_name = 'nightly'",
        Boolean.class)).isFalse();
    browser.screenshot("schedules-off");
    browser.driver.findElement(By.xpath("//button[text()='Switch on']")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("switched on."));
    assertThat(ws.jdbc().queryForObject("SELECT enabled FROM schedule_switch WHERE schedule_name = 'nightly'",
        Boolean.class)).isTrue();
  }

  @Test
  @Order(7)
  void aDotDotInAUrlGetsNotFoundAndNoPageShowsAStackTrace() throws Exception {
    for (String path : List.of("runs/1/files/..%2F..%2F..%2Fdata%2Ftariffcast.mv.db",
        "runs/1/files/%2e%2e%2f%2e%2e%2fdata%2ftariffcast.mv.db", "runs/1/files/..%5C..%5Cdata",
        "runs/1/files/.hidden", "runs/1/files/nothing.xlsx", "runs/..%2F1/files/x", "runs/999", "runs/abc",
        "runs/1/files/%2e%2e", "nowhere")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("Exception", "at org.", "tariffcast.mv.db");
    }
    // a raw ../ that no browser would send, straight on the socket: normalised, it names no run or file
    String reply = rawGet("/runs/1/files/../../../data/tariffcast.mv.db");
    assertThat(reply).startsWith("HTTP/1.1 404");
    // one that climbs above the root, which Tomcat refuses before the console sees it: 404 too, saying nothing more
    for (String above : List.of("/runs/1/files/../../../../etc/passwd", "/../../..", "/../data/tariffcast.mv.db")) {
      reply = rawGet(above);
      assertThat(reply).as(above).startsWith("HTTP/1.1 404")
          .doesNotContain("root:", "Exception", "Tomcat", "Bad Request", "tariffcast.mv.db");
    }
    browser.get(base + "runs/1/files/..%2F..%2Fdata%2Ftariffcast.mv.db");
    assertThat(browser.text()).contains("Not found").doesNotContain("Exception");
    browser.screenshot("not-found");
  }

  String rawGet(String path) throws Exception {
    URI u = URI.create(base);
    try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  @Order(8)
  void healthAndPrometheus() throws Exception {
    HttpResponse<byte[]> health = fetch(base + "actuator/health");
    String body = new String(health.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(health.statusCode()).as(body).isEqualTo(200);
    assertThat(body).contains("\"status\":\"UP\"", "\"db\"", "\"diskSpace\"");
    Thread.sleep(5500);
    String metrics = new String(fetch(base + "actuator/prometheus").body(), java.nio.charset.StandardCharsets.UTF_8);
    long runs = ws.jdbc().queryForObject("SELECT COUNT(*) FROM projection_run", Long.class);
    long completed = ws.jdbc().queryForObject("SELECT COUNT(*) FROM projection_run WHERE status = 'COMPLETED'",
        Long.class);
    assertThat(metrics).contains("tariffcast_runs_started_total{application=\"tariffcast\"} " + runs + ".0");
    assertThat(metrics).contains("tariffcast_runs_completed_total{application=\"tariffcast\"} " + completed + ".0");
    assertThat(metrics).contains("tariffcast_runs_failed_total", "tariffcast_trials_per_second",
        "tariffcast_partition_duration_seconds_count");
  }

  @Test
  @Order(9)
  void beyondLoopbackTheConsoleRefusesToStartWithoutALoginAndAsksForOneWithIt() throws Exception {
    Workspace.Result refused = ws.cli("serve", "--address", "0.0.0.0", "--port", "0");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("refusing to listen on 0.0.0.0 without a login",
        "tariffcast.console.user", "tariffcast.console.password-hash").doesNotContain("\tat ");
    assertThat(refused.err().lines().count()).isEqualTo(1);

    Workspace.Result plain = Workspace.h2(ws.root).with("tariffcast.console.user", "ops")
        .with("tariffcast.console.password-hash", "secret").cli("serve", "--port", "0");
    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.err()).contains("expected a BCrypt hash");

    String hash = new BCryptPasswordEncoder().encode("night-shift-7");
    try (ConfigurableApplicationContext open = ConsoleServer.start(args(ws, "--server.port=0",
        "--server.address=0.0.0.0", "--tariffcast.console.user=ops", "--tariffcast.console.password-hash=" + hash),
        false)) {
      String url = "http://127.0.0.1:" + ConsoleServer.port(open) + "/";
      assertThat(fetch(url + "runs/1/files/tariffcast-run-1.xlsx").statusCode()).isIn(302, 401);
      browser.get(url + "runs");
      assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
      browser.screenshot("login");
      browser.driver.findElement(By.name("username")).sendKeys("ops");
      browser.driver.findElement(By.name("password")).sendKeys("wrong");
      browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
      // wait for the refused login's page before typing again: typed into the old page while the new
      // one loaded, the second attempt went out incomplete and ended on /login?error (seen once in CI)
      new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login?error"));
      new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElement(By.name("username")).getAttribute("value").isEmpty());
      browser.driver.findElement(By.name("username")).sendKeys("ops");
      browser.driver.findElement(By.name("password")).sendKeys("night-shift-7");
      browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/runs"));
      assertThat(browser.driver.getCurrentUrl()).contains("/runs");
      assertThat(browser.text()).contains("completed", "ops", "Log out");
      browser.screenshot("runs-logged-in");
      assertThat(fetch(url + "actuator/health").statusCode()).isEqualTo(200);
    }
  }
}
