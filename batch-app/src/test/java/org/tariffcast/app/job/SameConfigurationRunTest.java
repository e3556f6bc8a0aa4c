package org.tariffcast.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Workspace;

/** A second {@code run} of a configuration that is running waits for it instead of doing the work twice. */
class SameConfigurationRunTest {
  @TempDir
  Path tmp;

  @Test
  void aSecondRunOfARunningConfigurationWaitsAndReportsTheFirst() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    CompletableFuture<Workspace.Result> first = CompletableFuture.supplyAsync(
        () -> ws.cli("run", "--trials", "6000", "--threads", "1"));
    JdbcTemplate db = null;
    Instant end = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(end) && !first.isDone()) {
      if (java.nio.file.Files.exists(ws.data.resolve("tariffcast.mv.db"))) {
        db = db == null ? ws.jdbc() : db;
        try {
          Integer validated = db.queryForObject("SELECT COUNT(*) FROM projection_run WHERE config_sha256 IS NOT NULL "
              + "AND status = 'STARTED'", Integer.class);
          if (validated != null && validated > 0) {
            break;
          }
        } catch (RuntimeException e) {
          // tables not migrated yet
        }
      }
      Thread.sleep(100);
    }
    assertThat(first.isDone()).as("the first run ended before the second could start").isFalse();

    Workspace.Result second = ws.cli("run", "--trials", "6000", "--threads", "1");
    Workspace.Result one = first.get(10, TimeUnit.MINUTES);

    assertThat(one.code()).as(one.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("run 1 completed");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM projection_run", Integer.class)).isEqualTo(1);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
  }
}
