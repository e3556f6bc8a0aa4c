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
 * A one-lever sweep ({@code run --explore}) of the default study killed with {@code kill -9}
 * after its second grid point was written (not committed): while the killed process still
 * runs, a second {@code run --explore} of the same sweep is refused and names that process; once
 * it is gone, the sweep left STARTED is recognised as killed, recovered and resumed, its stored
 * points equal an uninterrupted sweep's, nothing is left STARTED, and the one-lever reports
 * (line chart with its band, brief, summary) are written. Three application start-ups and the
 * clean sweep: about a minute on an idle 2-core machine.
 */
class ExploreKillIT {
  static final Path STUDY = Studies.DEFAULT;
  static final String SWEEP = """
      scenario: Framework
      trials_per_point: 40
      levers:
        - {key: us_rate_vn, from: 0%, to: 30%, step: 10%}
      kpis:
        - {metric: imports_from_partner, window: final_year, measure: change_vs_baseline}
      targets: all
      goal_seek:
        - name: US rate for P(deficit -20 %) = 0.5
          lever: us_rate_vn
          target: US deficit with Vietnam shrinks by 20 % in the final year
          probability: 0.5
      """;
  static final Duration WAIT = Duration.ofMinutes(5);

  @TempDir
  Path tmp;

  @Test
  void aSweepKilledMidwayIsRefusedWhileItsProcessLivesAndResumedOnceItIsGone() throws Exception {
    Path sweep = tmp.resolve("sweep.yml");
    Files.writeString(sweep, SWEEP);
    List<String> args = List.of("run", "--config", STUDY.toString(), "--explore", sweep.toString(), "--seed", "11",
        "--threads", "1");
    Workspace clean = Workspace.h2(tmp.resolve("clean"));
    Run cleanRun = KillAndResumeIT.command(clean, args.toArray(String[]::new));

    Workspace ws = Workspace.h2(tmp.resolve("killed"));
    Run paused = KillAndResumeIT.command(ws, List.of("tariffcast.pause-at=explore-point-stored:2"),
        args.toArray(String[]::new));
    paused.awaitLine("paused at explore-point-stored:2", WAIT);
    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForObject("SELECT status FROM explore_run", String.class)).isEqualTo("STARTED");
    assertThat(db.queryForObject("SELECT owner FROM explore_run", String.class)).endsWith(":" + paused.process.pid());

    Run refused = KillAndResumeIT.command(ws, args.toArray(String[]::new)).finish();
    assertThat(refused.code).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).contains("refused: sweep 1 of this study and sweep file is running in process",
        ":" + paused.process.pid());

    paused.kill9();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM explore_point", Integer.class))
        .as("the second point was written, not committed").isEqualTo(1);

    Run resumed = KillAndResumeIT.command(ws, args.toArray(String[]::new)).finish();
    cleanRun.finish();
    assertThat(cleanRun.code).as(cleanRun.output()).isZero();
    assertThat(resumed.code).as(resumed.output()).isZero();
    assertThat(resumed.output()).contains("sweep 1 KILLED: its process", "is gone",
        "sweep 1 resumed and completed: 4 points x 40 trials of Framework", "  US rate for P(deficit -20 %) = 0.5: ");

    assertThat(db.queryForList("SELECT sweep_id || ' ' || status FROM explore_run", String.class))
        .containsExactly("1 COMPLETED");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED', "
        + "'STARTING', 'STOPPING')", Integer.class)).isZero();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
        .as("the killed execution and the resumed one").isEqualTo(2);
    String points = "SELECT result FROM explore_point ORDER BY point_index";
    assertThat(db.queryForList(points, String.class)).hasSize(4)
        .containsExactlyElementsOf(clean.jdbc().queryForList(points, String.class));

    String folder = db.queryForObject("SELECT report_path FROM explore_run", String.class);
    assertThat(folder).isNotNull();
    try (Stream<Path> files = Files.list(ws.reports.resolve(folder))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.endsWith(".xlsx"))
          .anyMatch(n -> n.endsWith(".pdf")).anyMatch(n -> n.equals("explore-summary.json"))
          .anyMatch(n -> n.endsWith(".png"));
    }
  }
}
