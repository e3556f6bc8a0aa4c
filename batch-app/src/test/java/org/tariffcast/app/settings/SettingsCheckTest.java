package org.tariffcast.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.app.support.Workspace;

/**
 * One rule for everything a run is given: limits on the command line, and the settings of
 * application.yml, are checked before anything starts; a wrong one is exit status 2 with its
 * file, line and column, and nothing is written (no data/ folder, no database, no reports/).
 */
class SettingsCheckTest {
  @TempDir
  Path tmp;

  @Test
  void trialsAndThreadsBeyondTheLimitsAreRefusedBeforeAnythingIsWritten() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));

    Workspace.Result trials = ws.cli("run", "--trials", "99999999999");
    Workspace.Result threads = ws.cli("run", "--threads", "100");
    Workspace.Result resume = ws.cli("resume", "--run", "1", "--threads", "0");

    assertThat(trials.code()).isEqualTo(2);
    assertThat(trials.err()).contains("--trials: expected a whole number from 1 to 1000000000, found 99999999999");
    assertThat(threads.code()).isEqualTo(2);
    // the shipped pool holds 40 connections: 36 simulating threads and 4 for the job
    assertThat(threads.err()).contains("command line: --threads: expected a number of threads in [1, 36] (at most "
        + "256, and 4 fewer than spring.datasource.hikari.maximum-pool-size), found 100");
    assertThat(resume.code()).isEqualTo(2);
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void badSettingsNameTheirFileLineAndScheduleAndNothingIsCreated() throws IOException {
    Path yml = tmp.resolve("settings.yml");
    Files.writeString(yml, """
        tariffcast:
          threads: 2
          stale-after: ten minutes
          schedules:
            - name: nightly
              cron: "0 0 25 * * ?"
              zone: Asia/Ho_Chi_Minh
              trials: 99999999999
            - name: hourly
              cron: "0 0 * * * ?"
              zone: Mars/Olympus
        """);
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("spring.config.additional-location", "file:" + yml);
    String file = yml.toString();

    Workspace.Result r = ws.cli("schedule");
    Workspace.Result run = ws.cli("run", "--trials", "10");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly(
        file + ":3:16: tariffcast.stale-after: expected a duration > 0 such as 10m (units ms, s, m, h, d, or "
            + "ISO-8601 such as PT10M), found 'ten minutes'",
        file + ":6:13: tariffcast.schedules[nightly].cron: expected a Quartz cron expression (seconds first) such "
            + "as 0 0 2 * * ?, found '0 0 25 * * ?' (Hour values must be between 0 and 23)",
        file + ":8:15: tariffcast.schedules[nightly].trials: expected a number of trials in [1, 1000000000], found "
            + "'99999999999'",
        file + ":11:13: tariffcast.schedules[hourly].zone: expected a time zone such as Asia/Ho_Chi_Minh or UTC, "
            + "found 'Mars/Olympus'",
        "4 problems in the settings; nothing was started");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("tariffcast.stale-after");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }
}
