package org.tariffcast.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Workspace;

/** A fire record left RUNNING by a scheduler that died is closed when a live scheduler next fires. */
class FireRecoveryTest {
  @TempDir
  Path tmp;

  @Test
  void theFireRecordOfADeadSchedulerIsClosed() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    try (ConfigurableApplicationContext ctx = ws.context(true,
        ScheduleTest.schedule("often", "*/2 * * * * ?", "scheduler-live"))) {
      JdbcTemplate db = ws.jdbc();
      // what a scheduler killed mid-fire leaves: a RUNNING record, its instance gone from QRTZ_SCHEDULER_STATE
      db.update("INSERT INTO schedule_fire (schedule_name, fire_time, scheduler_instance, fired_at, outcome) "
          + "VALUES ('often', '2026-11-30T02:00:00', 'scheduler-dead', ?, 'RUNNING')", OffsetDateTime.now(ZoneOffset.UTC));
      try {
        ctx.getBean(ScheduleService.class).start();
        ScheduleTest.waitFor(Duration.ofSeconds(60), () -> db.queryForObject(
            "SELECT COUNT(*) FROM schedule_fire WHERE scheduler_instance = 'scheduler-live'", Integer.class) > 0);
      } finally {
        ctx.getBean(Scheduler.class).standby();
      }
      assertThat(db.queryForObject("SELECT outcome FROM schedule_fire WHERE scheduler_instance = 'scheduler-dead'",
          String.class)).isEqualTo("ABANDONED");
      assertThat(db.queryForObject("SELECT message FROM schedule_fire WHERE scheduler_instance = 'scheduler-dead'",
          String.class)).contains("closed by scheduler scheduler-live");
    }
  }
}
