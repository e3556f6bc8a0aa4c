package org.tariffcast.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Results;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * The projection job end to end, through the command line, on real H2 file databases: what a
 * run stores, a run that fails in the middle of the simulate step and is resumed, a report
 * step that fails and is completed later.
 */
class ProjectionJobTest {
  @TempDir
  Path tmp;

  @AfterEach
  void disarm() {
    FailingPartitions.disarm();
  }

  @Test
  void aRunStoresExactlyWhatTheEngineComputesForTheSameSeed() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));

    Workspace.Result r = ws.cli("run", "--trials", "600", "--seed", "7", "--threads", "2");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    JdbcTemplate db = ws.jdbc();
    long runId = db.queryForObject("SELECT run_id FROM projection_run", Long.class);
    assertThat(r.out()).contains("run " + runId + " completed");
    assertThat(db.queryForList("SELECT partition_index FROM partition_result ORDER BY 1", Integer.class))
        .containsExactly(0, 1);
    RunResult stored = Results.load(ws, runId);
    // the engine, called directly on the same study with the same seed and trial count, over the
    // same trial ranges (the study's 2 partitions: 0..299, 300..599), merged in order
    ModelConfig config = new Overrides(600L, 7L).applyTo(ConfigLoader.load(Studies.GSIM));
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult all = engine.simulate(0, 300, 1, TrialProgress.NONE)
        .merge(engine.simulate(300, 600, 1, TrialProgress.NONE));
    RunResult direct = engine.finish(all, runId, stored.info().startedAt(), stored.info().finishedAt(),
        stored.info().versions());
    Results.assertSame(stored, direct);
    // and, the engine promising numbers independent of how trials are cut, in one piece too
    Results.assertSame(stored, engine.finish(engine.simulate(0, 600, 2, TrialProgress.NONE), runId,
        stored.info().startedAt(), stored.info().finishedAt(), stored.info().versions()));
    assertThat(stored.info().trials()).isEqualTo(600);
    assertThat(stored.info().seed()).isEqualTo(7);
    // reports in place, none half-written, latest points at them
    String folder = db.queryForObject("SELECT report_path FROM projection_run", String.class);
    assertThat(ws.reports.resolve(folder)).isDirectory();
    assertThat(ws.reports.resolve(folder).resolve("summary.json")).isRegularFile();
    assertThat(Files.readString(ws.reports.resolve("latest.json"))).contains("\"run_id\": " + runId);
    try (var files = Files.walk(ws.reports)) {
      assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".partial"));
    }
    assertThat(db.queryForObject("SELECT status FROM projection_run", String.class)).isEqualTo("COMPLETED");
    assertThat(db.queryForObject("SELECT stage FROM projection_run", String.class)).isEqualTo("published");
  }

  @Test
  void partitionResultsAreDeletedAfterTheirRetentionAndTheStatisticsStay() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("tariffcast.keep-partition-results", "0s");

    assertThat(ws.cli("run", "--trials", "200", "--threads", "1").code()).isZero();

    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM partition_result", Integer.class)).isZero();
    RunResult stored = Results.load(ws, 1);
    assertThat(stored.info().trials()).isEqualTo(200);
    assertThat(ws.cli("report", "--run", "1").code()).isZero();
  }

  @Test
  void aRunThatFailsMidSimulationResumesOnlyItsMissingPartitionsAndEqualsACleanRun() throws Exception {
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), 6);
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("spring.main.sources", FailingPartitions.class.getName());
    String[] run = {"run", "--config", study.toString(), "--trials", "1200", "--threads", "1"};

    FailingPartitions.failFrom(3);
    Workspace.Result first = ws.cli(run);

    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
    JdbcTemplate db = ws.jdbc();
    long runId = db.queryForObject("SELECT run_id FROM projection_run", Long.class);
    assertThat(db.queryForList("SELECT partition_index FROM partition_result ORDER BY 1", Integer.class))
        .containsExactly(0, 1, 2);
    assertThat(db.queryForObject("SELECT status FROM projection_run", String.class)).isEqualTo("FAILED");
    assertThat(stepsOfExecution(db, 1)).contains("simulate-partition:partition0 COMPLETED",
        "simulate-partition:partition2 COMPLETED", "simulate-partition:partition3 FAILED",
        "simulate-partition:partition5 FAILED", "simulate FAILED");

    FailingPartitions.disarm();
    Workspace.Result second = ws.cli(run);

    assertThat(second.code()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("run " + runId + " resumed and completed");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM projection_run", Integer.class)).isEqualTo(1);
    long secondExecution = db.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
    assertThat(stepsOfExecution(db, secondExecution)).containsExactlyInAnyOrder("simulate COMPLETED",
        "simulate-partition:partition3 COMPLETED", "simulate-partition:partition4 COMPLETED",
        "simulate-partition:partition5 COMPLETED", "merge COMPLETED", "report COMPLETED", "publish COMPLETED");
    assertThat(db.queryForList("SELECT partition_index FROM partition_result ORDER BY 1", Integer.class))
        .containsExactly(0, 1, 2, 3, 4, 5);

    // a clean, uninterrupted run of the same study in a database of its own
    Workspace clean = Workspace.h2(tmp.resolve("clean"));
    assertThat(clean.cli(run).code()).isZero();
    Results.assertSameNumbers(Results.load(ws, runId), Results.load(clean, 1));
    assertThat(blobs(db)).containsExactlyElementsOf(blobs(clean.jdbc()));
  }

  @Test
  void aFailedReportStepKeepsTheStatisticsAndReportCompletesTheRunLater() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "a file where reports should go");
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("tariffcast.reports", notAFolder.resolve("reports").toString());

    Workspace.Result r = ws.cli("run", "--trials", "300");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("report --run 1");
    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForObject("SELECT stage FROM projection_run WHERE run_id = 1", String.class))
        .isEqualTo("statistics");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM kpi_statistics WHERE run_id = 1", Integer.class)).isPositive();
    RunResult before = Results.load(ws, 1);

    ws.with("tariffcast.reports", ws.reports.toString());
    Workspace.Result report = ws.cli("report", "--run", "1");

    assertThat(report.code()).as(report.out() + report.err()).isZero();
    String folder = db.queryForObject("SELECT report_path FROM projection_run WHERE run_id = 1", String.class);
    assertThat(ws.reports.resolve(folder).resolve("summary.json")).isRegularFile();
    assertThat(db.queryForObject("SELECT status FROM projection_run WHERE run_id = 1", String.class))
        .isEqualTo("COMPLETED");
    long last = db.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
    assertThat(stepsOfExecution(db, last)).containsExactlyInAnyOrder("report COMPLETED", "publish COMPLETED");
    Results.assertSame(Results.load(ws, 1), before);
  }

  @Test
  void underAPrecisionTargetARunStopsAtTheFirstPreciseBatchesAndEqualsTheEngineOnThem() throws Exception {
    Path study = Studies.gsimWithPrecision(tmp.resolve("study"), 100, 1000);
    Workspace ws = Workspace.h2(tmp.resolve("ws"));

    Workspace.Result r = ws.cli("run", "--config", study.toString(), "--threads", "1");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    // the engine directly: batches of 100 trials merged in order until it says the precision is reached
    ModelConfig config = ConfigLoader.load(study);
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult merged = null;
    int batches = 0;
    for (long from = 0; from < 1000; from += 100) {
      PartialResult p = engine.simulate(from, from + 100, 1, TrialProgress.NONE);
      merged = merged == null ? p : merged.merge(p);
      batches++;
      if (engine.precisionReached(merged)) {
        break;
      }
    }
    JdbcTemplate db = ws.jdbc();
    RunResult stored = Results.load(ws, 1);
    assertThat(stored.info().trials()).isEqualTo(100L * batches);
    Results.assertSame(stored, engine.finish(merged, 1, stored.info().startedAt(), stored.info().finishedAt(),
        stored.info().versions()));
    // one worker, batches in order: the batches after the precise prefix were not needed
    assertThat(db.queryForObject("SELECT COUNT(*) FROM partition_result", Integer.class)).isEqualTo(batches);
    assertThat(db.queryForObject("SELECT trials_planned FROM projection_run", Long.class)).isEqualTo(1000);
    assertThat(db.queryForObject("SELECT EXIT_CODE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'simulate'",
        String.class)).isEqualTo("COMPLETED");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE EXIT_CODE = 'NOT_NEEDED' "
        + "AND STEP_NAME LIKE 'simulate-partition:%'",
        Integer.class)).isEqualTo(10 - batches);
  }

  @Test
  void aPrecisionRunThatFailsMidwayResumesAndStopsWhereAnUninterruptedRunStops() throws Exception {
    Path study = Studies.uncertainGsimWithPrecision(tmp.resolve("study"), 100, 1000, 8e6);
    ModelConfig config = ConfigLoader.load(study);
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult merged = null;
    int batches = 0;
    for (long from = 0; from < 1000; from += 100) {
      PartialResult p = engine.simulate(from, from + 100, 1, TrialProgress.NONE);
      merged = merged == null ? p : merged.merge(p);
      batches++;
      if (engine.precisionReached(merged)) {
        break;
      }
    }
    assertThat(batches).as("batches the engine needs for this target").isBetween(3, 9);
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("spring.main.sources", FailingPartitions.class.getName());
    String[] run = {"run", "--config", study.toString(), "--threads", "1"};

    FailingPartitions.failFrom(2);
    assertThat(ws.cli(run).code()).isEqualTo(1);
    FailingPartitions.disarm();
    Workspace.Result resumed = ws.cli(run);

    assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
    assertThat(resumed.out()).contains("run 1 resumed and completed");
    JdbcTemplate db = ws.jdbc();
    List<Integer> stored = db.queryForList("SELECT partition_index FROM partition_result ORDER BY 1", Integer.class);
    assertThat(stored).hasSize(batches).startsWith(0, 1, 2);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = 2 AND "
        + "EXIT_CODE = 'NOT_NEEDED'", Integer.class)).isEqualTo(10 - batches);
    RunResult stored1 = Results.load(ws, 1);
    assertThat(stored1.info().trials()).isEqualTo(100L * batches);
    Results.assertSame(stored1, engine.finish(merged, 1, stored1.info().startedAt(), stored1.info().finishedAt(),
        stored1.info().versions()));
  }

  @Test
  void anInvalidStudyExitsWith2WritingNoRowsAndNoFiles() throws Exception {
    Path bad = Studies.copy(Studies.GSIM, tmp.resolve("bad"));
    Files.writeString(bad.resolve("flows.csv"), Files.readString(bad.resolve("flows.csv"))
        .replace("IND,US,JP,50,", "IND,US,JP,-50,"));
    Files.writeString(bad.resolve("scenarios.yml"), Files.readString(bad.resolve("scenarios.yml"))
        .replace("probability: 1", "probability: 1.5"));
    Workspace ws = Workspace.h2(tmp.resolve("ws"));

    Workspace.Result validate = ws.cli("validate", "--config", bad.toString());
    Workspace.Result run = ws.cli("run", "--config", bad.toString());

    assertThat(validate.code()).isEqualTo(2);
    List<String> lines = validate.out().lines().toList();
    assertThat(lines).anyMatch(l -> l.matches("flows\\.csv:\\d+:\\d+: .*expected .*, found .*-50.*"));
    assertThat(lines).anyMatch(l -> l.matches("scenarios\\.yml:\\d+:\\d+: .*expected .*, found .*1\\.5.*"));
    assertThat(lines).allMatch(l -> l.matches("[a-z]+\\.(csv|yml):\\d+:\\d+: .+: expected .+, found .+"));
    assertThat(validate.err()).contains("problems in");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("flows.csv:");
    assertThat(ws.data).doesNotExist();
    assertThat(ws.reports).doesNotExist();
    assertThat(tmp.resolve("ws")).doesNotExist();

    Workspace.Result good = ws.cli("validate", "--config", Studies.GSIM.toString());
    assertThat(good.code()).isZero();
    assertThat(good.out().strip()).startsWith("study gsim-4x4: 4 regions, 1 sectors").doesNotContain("\n");
    assertThat(ws.data).doesNotExist();
  }

  static List<String> stepsOfExecution(JdbcTemplate db, long jobExecutionId) {
    return db.queryForList("SELECT STEP_NAME || ' ' || STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
        String.class, jobExecutionId);
  }

  static List<String> blobs(JdbcTemplate db) {
    return db.query("SELECT partition_index, trial_from, trial_to, result FROM partition_result ORDER BY 1",
        (rs, n) -> rs.getInt(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":"
            + java.util.HexFormat.of().formatHex(rs.getBytes(4)));
  }
}
