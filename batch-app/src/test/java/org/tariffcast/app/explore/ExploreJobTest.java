package org.tariffcast.app.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.job.Overrides;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.simulation.explore.SweepRunner;

/**
 * {@code run --explore}: grid points are partitions of one Spring Batch job stored in the
 * database; a sweep failed on purpose part-way resumes only its missing points and equals an
 * uninterrupted sweep, which equals the points computed directly by the engine.
 */
class ExploreJobTest {
  static final Path STUDY = Studies.DEFAULT;
  static final String SWEEP = """
      scenario: Framework
      trials_per_point: 60
      levers:
        - {key: us_rate_vn, from: 10%, to: 30%, step: 10%}
        - {key: purchases_scale, from: 0.5, to: 1.5, step: 0.5}
      kpis:
        - {metric: bilateral_balance, window: final_year, measure: change_vs_baseline}
      targets: all
      goal_seek:
        - name: US rate for P(deficit -20 %) = 0.5
          lever: us_rate_vn
          target: US deficit with Vietnam shrinks by 20 % in the final year
          probability: 0.5
      frontier:
        target: US deficit with Vietnam shrinks by 20 % in the final year
        probability: 0.8
        cost: {metric: imports_from_partner, window: final_year, measure: change_vs_baseline}
        statistic: median
        best: highest
      """;

  @TempDir
  Path tmp;

  @AfterEach
  void disarm() {
    FailingPoints.FAIL_FROM.set(Integer.MAX_VALUE);
  }

  @Test
  void aSweepFailedPartWayResumesItsMissingPointsAndEqualsAnUninterruptedOne() throws Exception {
    Path sweep = tmp.resolve("sweep.yml");
    Files.writeString(sweep, SWEEP);
    String[] run = {"run", "--config", STUDY.toString(), "--explore", sweep.toString(), "--seed", "5", "--threads",
        "2"};
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("spring.main.sources", FailingPoints.class.getName());

    FailingPoints.FAIL_FROM.set(5);
    Workspace.Result first = ws.cli(run);

    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
    assertThat(first.out()).contains("sweep of Framework: 9 points (us_rate_vn x 3, purchases_scale x 3), 60 trials");
    JdbcTemplate db = ws.jdbc();
    long sweepId = db.queryForObject("SELECT sweep_id FROM explore_run", Long.class);
    assertThat(db.queryForList("SELECT point_index FROM explore_point ORDER BY 1", Integer.class))
        .containsExactly(0, 1, 2, 3, 4);
    assertThat(db.queryForObject("SELECT status FROM explore_run", String.class)).isEqualTo("FAILED");
    Workspace.Result notYet = ws.cli("report", "--sweep", Long.toString(sweepId));
    assertThat(notYet.code()).isEqualTo(1);
    assertThat(notYet.err()).contains("sweep " + sweepId + " has not completed (FAILED)");

    FailingPoints.FAIL_FROM.set(Integer.MAX_VALUE);
    Workspace.Result second = ws.cli(run);

    assertThat(second.code()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("sweep " + sweepId + " resumed and completed: 9 points x 60 trials of Framework");
    assertThat(second.out()).contains("  US rate for P(deficit -20 %) = 0.5: ").contains("  frontier: ");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM explore_run", Integer.class)).isEqualTo(1);
    long secondExecution = db.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
    assertThat(db.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND "
        + "STEP_NAME LIKE 'explore-point:%' ORDER BY STEP_NAME", String.class, secondExecution))
        .containsExactly("explore-point:point5", "explore-point:point6", "explore-point:point7",
            "explore-point:point8");
    List<String> resumed = new ExploreRepositoryView(db).texts(sweepId);

    // its reports written again from the database, into the same folder
    Path folder = ws.reports.resolve(db.queryForObject("SELECT report_path FROM explore_run", String.class));
    Path summary = folder.resolve("explore-summary.json");
    String written = Files.readString(summary);
    Files.delete(summary);
    Workspace.Result again = ws.cli("report", "--sweep", Long.toString(sweepId));
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("sweep " + sweepId + ": reports in " + folder);
    assertThat(Files.readString(summary)).isEqualTo(written);
    Workspace.Result none = ws.cli("report", "--sweep", "99");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no sweep 99 in jdbc:h2:file:");
    assertThat(ws.cli("report", "--sweep", "1", "--run", "1").code()).isEqualTo(2);
    assertThat(ws.cli("report", "--sweep", "0").err()).contains("--sweep: expected a whole number >= 1, found 0");

    // an uninterrupted sweep in a database of its own
    Workspace clean = Workspace.h2(tmp.resolve("clean"));
    Workspace.Result once = clean.cli(run);
    assertThat(once.code()).as(once.out() + once.err()).isZero();
    long cleanId = clean.jdbc().queryForObject("SELECT sweep_id FROM explore_run", Long.class);
    assertThat(new ExploreRepositoryView(clean.jdbc()).texts(cleanId)).isEqualTo(resumed);

    // and the engine called directly on the same study, seed and points
    ModelConfig study = new Overrides(null, 5L).applyTo(ConfigLoader.load(STUDY));
    ExplorePlan plan = ConfigLoader.loadExplore(study, "explore.yml", SWEEP);
    List<GridPoint> direct = SweepRunner.run(study, plan, 1);
    assertThat(resumed).isEqualTo(direct.stream().map(GridPointCodec::encode).toList());
  }

  /** Reads the stored points' texts with plain JDBC. */
  record ExploreRepositoryView(JdbcTemplate db) {
    List<String> texts(long sweepId) {
      return db.queryForList("SELECT result FROM explore_point WHERE sweep_id = ? ORDER BY point_index", String.class,
          sweepId);
    }
  }

  @Test
  void theCodecReadsBackWhatItWrote() {
    ModelConfig study = ConfigLoader.load(STUDY);
    study = study.withRun(study.run().withSeed(3));
    ExplorePlan plan = ConfigLoader.loadExplore(study, "explore.yml", SWEEP.replace("trials_per_point: 60",
        "trials_per_point: 20"));
    GridPoint p = SweepRunner.runPoint(study, plan, 4, 1);
    assertThat(GridPointCodec.decode(GridPointCodec.encode(p))).isEqualTo(p);
    assertThat(GridPointCodec.unesc(GridPointCodec.esc("a\tb\\n\nc"))).isEqualTo("a\tb\\n\nc");
  }

  @Test
  void aBrokenSweepFileIsLocatedAndNothingRuns() throws Exception {
    Path sweep = tmp.resolve("sweep.yml");
    Files.writeString(sweep, "scenario: Framewrk\nlevers:\n  - {key: us_rate, from: 0%, to: 46%, step: 2%}\n");
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    Workspace.Result r = ws.cli("run", "--config", STUDY.toString(), "--explore", sweep.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains(sweep + ":1:").contains("did you mean Framework?")
        .contains(sweep + ":3:").contains("did you mean us_rate_vn?");
    assertThat(r.err()).contains("2 problems in " + sweep);
  }
}
