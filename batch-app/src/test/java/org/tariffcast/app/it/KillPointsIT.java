package org.tariffcast.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.it.KillAndResumeIT.Run;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * {@code kill -9} at a point of each step of one run, one after the other: during validate
 * (before the configuration snapshot is stored), in simulate (the third partition result written,
 * not committed), in merge (the statistics written, not committed) and in report (the report
 * folder written as {@code .partial}). Each process is the packaged application, stopped for good
 * at its point by {@code -Dtariffcast.pause-at} and killed there; the next {@code run} with the
 * same options takes the run over. At the end there is one run row for the run (the orphan left
 * by the validate kill is adopted, not repeated), nothing STARTED, and every stored number equals
 * that of an uninterrupted run. Before it, a run of another configuration killed during validate
 * is closed as ABANDONED with the reason by the first {@code run} that finds it.
 *
 * <p>About 7 application start-ups (one per kill point, each a separate process by necessity,
 * the clean run alongside): about a minute on an idle 2-core machine.
 */
class KillPointsIT {
  static final int PARTITIONS = 8;
  static final Duration WAIT = Duration.ofMinutes(5);

  @TempDir
  Path tmp;

  @Test
  void aRunKilledInEachStepEndsAsOneRunWithTheNumbersOfAnUninterruptedRun() throws Exception {
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), PARTITIONS);
    Workspace clean = Workspace.h2(tmp.resolve("clean"));
    Run cleanRun = KillAndResumeIT.start(clean, study, 4000);
    Workspace ws = Workspace.h2(tmp.resolve("killed"));
    JdbcTemplate db = ws.jdbc();

    // another configuration (2,000 trials), killed during validate: an orphan nobody will adopt
    killAt(ws, study, 2000, "validate");
    assertThat(db.queryForList("SELECT status FROM projection_run", String.class)).containsExactly("STARTED");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM projection_run WHERE config_sha256 IS NULL", Integer.class))
        .isEqualTo(1);

    // this configuration, killed during validate: closes run 1, leaves run 2 an orphan
    Run p1 = killAt(ws, study, 4000, "validate");
    assertThat(p1.output()).contains("run 1 was killed during its validate step", "closing it as ABANDONED");
    assertThat(db.queryForObject("SELECT status FROM projection_run WHERE run_id = 1", String.class))
        .isEqualTo("ABANDONED");
    assertThat(db.queryForObject("SELECT message FROM projection_run WHERE run_id = 1", String.class))
        .contains("killed during its validate step", "before it stored its configuration", "nothing of it was computed",
            "Closed by the run of " + study.toAbsolutePath().normalize());
    assertThat(db.queryForObject("SELECT config_sha256 FROM projection_run WHERE run_id = 2", String.class)).isNull();

    Run p2 = killAt(ws, study, 4000, "simulate-stored:3");
    assertThat(p2.output()).contains("run 2 was killed during its validate step", "adopts it and resumes it");
    assertThat(db.queryForObject("SELECT config_sha256 FROM projection_run WHERE run_id = 2", String.class))
        .isNotNull();
    killAt(ws, study, 4000, "merge-stored");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM kpi_statistics", Integer.class)).isZero();
    killAt(ws, study, 4000, "report-written");
    assertThat(partialFolders(ws)).isNotEmpty();

    Run last = KillAndResumeIT.start(ws, study, 4000).finish();
    cleanRun.finish();

    assertThat(cleanRun.code).as(cleanRun.output()).isZero();
    assertThat(last.code).as(last.output()).isZero();
    assertThat(last.output()).contains("run 2 resumed and completed");
    assertThat(db.queryForList("SELECT run_id || ' ' || status FROM projection_run ORDER BY run_id", String.class))
        .containsExactly("1 ABANDONED", "2 COMPLETED");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(2);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED', "
        + "'STARTING', 'STOPPING')", Integer.class)).isZero();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = 2",
        Integer.class)).as("validate, simulate, merge, report kills and the last run").isEqualTo(5);
    for (String table : List.of("partition_result", "kpi_statistics", "series_statistics", "target_probability",
        "sensitivity", "convergence", "central_case_kpi", "central_case_flow")) {
      assertThat(KillAndResumeIT.rows(db, table)).as(table)
          .containsExactlyElementsOf(KillAndResumeIT.rows(clean.jdbc(), table));
    }
    assertThat(partialFolders(ws)).isEmpty();
    String folder = db.queryForObject("SELECT report_path FROM projection_run WHERE run_id = 2", String.class);
    assertThat(ws.reports.resolve(folder).resolve("summary.json")).isRegularFile();
  }

  /** A {@code run} stopped at {@code point} and killed there with {@code kill -9}. */
  static Run killAt(Workspace ws, Path study, long trials, String point) throws Exception {
    Run r = KillAndResumeIT.command(ws, List.of("tariffcast.pause-at=" + point), "run", "--config", study.toString(),
        "--trials", Long.toString(trials), "--threads", "1");
    r.awaitLine("paused at " + point, WAIT);
    r.kill9();
    return r;
  }

  static List<Path> partialFolders(Workspace ws) throws Exception {
    if (!Files.isDirectory(ws.reports)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(ws.reports, 2)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
    }
  }
}
