package org.tariffcast.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.it.KillAndResumeIT.Run;
import org.tariffcast.app.support.Postgres;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * Two {@code run} processes of the same configuration started at the same instant, on H2 and on
 * PostgreSQL: the configuration's lock ({@code run_lock}, one INSERT on a primary key) lets one
 * of them start the run; the other waits for it and reports its outcome. One run row, one job
 * execution, both exit 0 naming the same run. (The database is created first (migrate), so that the two
 * processes do not also race to create the schema.)
 */
class TwoRunsAtOnceIT {
  @TempDir
  Path tmp;

  @Test
  void onH2TwoRunsStartedTogetherRunTheConfigurationOnce() throws Exception {
    twoAtOnce(Workspace.h2(tmp.resolve("ws")));
  }

  @Test
  void onPostgresTwoRunsStartedTogetherRunTheConfigurationOnce() throws Exception {
    try (Postgres.Schema schema = Postgres.freshSchema()) {
      twoAtOnce(Workspace.postgres(tmp.resolve("pg"), schema));
    }
  }

  void twoAtOnce(Workspace ws) throws Exception {
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), 8);
    Workspace.Result created = ws.cli("migrate");
    assertThat(created.code()).as(created.err()).isZero();

    Run a = KillAndResumeIT.start(ws, study, 8000);
    Run b = KillAndResumeIT.start(ws, study, 8000);
    a.finish();
    b.finish();

    assertThat(a.code).as(a.output()).isZero();
    assertThat(b.code).as(b.output()).isZero();
    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM projection_run", Integer.class)).isEqualTo(1);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM run_lock", Integer.class)).isZero();
    assertThat(a.output() + b.output()).contains("waiting for it instead of repeating it");
    assertThat(a.output()).contains("run 1 completed");
    assertThat(b.output()).contains("run 1 completed");
  }
}
