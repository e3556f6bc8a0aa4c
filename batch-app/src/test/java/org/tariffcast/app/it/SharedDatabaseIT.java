package org.tariffcast.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * Processes that share an H2 database survive each other behind {@code tariffcast db}: a
 * scheduler opens the database first, a run starts, the scheduler stops (a restart) while the
 * run simulates, and the run completes. With {@code AUTO_SERVER=TRUE} alone the run would lose
 * its connections when the scheduler, which served the file, exited.
 */
class SharedDatabaseIT {
  @TempDir
  Path tmp;

  @Test
  void aRunCompletesWhenTheProcessThatOpenedTheDatabaseFirstExits() throws Exception {
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), KillAndResumeIT.PARTITIONS);
    Workspace file = Workspace.h2(tmp.resolve("ws"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KillAndResumeIT.Run db = KillAndResumeIT.command(file, "db", "--port", Integer.toString(port));
    KillAndResumeIT.Run scheduler = null;
    KillAndResumeIT.Run run = null;
    try {
      String url = awaitLine(db, "url: ", Duration.ofMinutes(5)).substring("url: ".length());
      assertThat(url).startsWith("jdbc:h2:tcp://127.0.0.1:" + port + "/");
      Workspace ws = Workspace.h2(tmp.resolve("ws")).with("spring.datasource.url", url);

      scheduler = KillAndResumeIT.command(ws, "schedule");
      awaitLine(scheduler, "scheduler running", Duration.ofMinutes(5));
      run = KillAndResumeIT.start(ws, study, 64_000);
      run.awaitPartitions(1, Duration.ofMinutes(5));
      scheduler.process.destroy(); // SIGTERM: the scheduler stops cleanly, as in a restart
      assertThat(scheduler.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(run.process.isAlive()).as("the run ended before the scheduler stopped: %s", run.output()).isTrue();

      run.finish();

      assertThat(run.code).as(run.output()).isZero();
      JdbcTemplate jdbc = ws.jdbc();
      assertThat(jdbc.queryForObject("SELECT status FROM projection_run", String.class)).isEqualTo("COMPLETED");
    } finally {
      for (KillAndResumeIT.Run r : new KillAndResumeIT.Run[] {run, scheduler}) {
        if (r != null && r.process.isAlive()) {
          r.process.destroyForcibly();
        }
      }
      db.process.destroy();
      db.process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  static String awaitLine(KillAndResumeIT.Run r, String prefix, Duration max) throws InterruptedException {
    Instant end = Instant.now().plus(max);
    while (Instant.now().isBefore(end)) {
      for (String line : r.lines) {
        int at = line.indexOf(prefix);
        if (at >= 0) {
          return line.substring(at);
        }
      }
      if (!r.process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line '" + prefix + "': " + r.output());
  }
}
