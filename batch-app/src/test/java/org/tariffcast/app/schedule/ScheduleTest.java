package org.tariffcast.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.ProjectionLauncher;
import org.tariffcast.app.support.Postgres;
import org.tariffcast.app.support.Workspace;

/**
 * Schedules with real Quartz on real databases: a completed fire is never run again, a missed
 * night runs once at start-up, and two schedulers on one database fire each time once.
 */
class ScheduleTest {
  @TempDir
  Path tmp;

  @Test
  void aSecondRunOfACompletedScheduledFireIsRefused() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    TariffcastProperties.Schedule nightly = new TariffcastProperties.Schedule("nightly", "0 0 2 * * ?",
        "Asia/Ho_Chi_Minh", true, null, 200L, null, 1);
    try (ConfigurableApplicationContext ctx = ws.context(false)) {
      ProjectionLauncher launcher = ctx.getBean(ProjectionLauncher.class);

      assertThat(launcher.runScheduled(nightly, "2026-11-23T02:00:00").completed()).isTrue();
      assertThatThrownBy(() -> launcher.runScheduled(nightly, "2026-11-23T02:00:00"))
          .isInstanceOf(ProjectionLauncher.RefusedException.class).hasMessageContaining("already ran");
      assertThat(launcher.runScheduled(nightly, "2026-11-24T02:00:00").completed()).isTrue();
    }
    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForList("SELECT fire_time FROM projection_run WHERE schedule_name = 'nightly' ORDER BY 1",
        String.class)).containsExactly("2026-11-23T02:00:00", "2026-11-24T02:00:00");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(2);
    Workspace.Result history = ws.cli("history");
    assertThat(history.code()).isZero();
    assertThat(history.out()).contains("nightly 2026-11-23T02:00:00", "nightly 2026-11-24T02:00:00");
  }

  @Test
  void aScheduledRunOfAnInvalidStudyIsRecordedAsInvalidWithItsProblemsAndWritesNoReport() throws Exception {
    Path bad = org.tariffcast.app.support.Studies.copy(org.tariffcast.app.support.Studies.GSIM, tmp.resolve("bad"));
    java.nio.file.Files.delete(bad.resolve("tariffs.csv"));
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    TariffcastProperties.Schedule nightly = new TariffcastProperties.Schedule("nightly", "0 0 2 * * ?", "UTC", true,
        bad, null, null, 1);
    try (ConfigurableApplicationContext ctx = ws.context(false)) {
      ProjectionLauncher.Outcome o = ctx.getBean(ProjectionLauncher.class).runScheduled(nightly, "2026-11-23T02:00:00");
      assertThat(o.completed()).isFalse();
    }
    JdbcTemplate db = ws.jdbc();
    assertThat(db.queryForObject("SELECT status FROM projection_run", String.class)).isEqualTo("INVALID");
    assertThat(db.queryForObject("SELECT message FROM projection_run", String.class))
        .contains("tariffs.csv:0:0: file: expected the file tariffs.csv in the study folder, found nothing");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM run_config_file", Integer.class)).isZero();
    assertThat(ws.reports).doesNotExist();
    assertThat(ws.cli("history").out()).contains("INVALID");
  }

  @Test
  void aNightMissedWhileNoSchedulerWasUpRunsOnceAtStartUp() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    String[] nightly = schedule("nightly", "0 0 2 * * ?", "instance-1");
    try (ConfigurableApplicationContext ctx = ws.context(true, nightly)) {
      ctx.getBean(ScheduleService.class).register();
    }
    // the machine was down for the last three nights: the trigger is still due three days ago
    JdbcTemplate db = ws.jdbc();
    long threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).toEpochMilli();
    assertThat(db.update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = 'nightly'", threeDaysAgo))
        .isEqualTo(1);

    try (ConfigurableApplicationContext ctx = ws.context(true, nightly)) {
      ctx.getBean(ScheduleService.class).start();
      waitFor(Duration.ofSeconds(30), () -> finishedFires(db) >= 1);
      Thread.sleep(3000);
      ctx.getBean(Scheduler.class).standby();
    }
    List<Map<String, Object>> fires = db.queryForList("SELECT * FROM schedule_fire");
    assertThat(fires).hasSize(1);
    assertThat(fires.get(0).get("OUTCOME")).isEqualTo("COMPLETED");
    long next = db.queryForObject("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'nightly'", Long.class);
    assertThat(Instant.ofEpochMilli(next)).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
  }

  @Test
  void twoSchedulersOnOneDatabaseFireEachTimeOnce() throws Exception {
    Postgres.Schema schema = null;
    Workspace ws;
    try {
      schema = Postgres.freshSchema();
      ws = Workspace.postgres(tmp.resolve("ws"), schema);
    } catch (org.opentest4j.TestAbortedException e) {
      System.out.println("two schedulers share an H2 file database instead");
      ws = Workspace.h2(tmp.resolve("ws"));
    }
    try {
      twoSchedulers(ws);
    } finally {
      if (schema != null) {
        schema.close();
      }
    }
  }

  private void twoSchedulers(Workspace ws) throws Exception {
    JdbcTemplate db = ws.jdbc();
    List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    try {
      for (String instance : List.of("scheduler-a", "scheduler-b")) {
        ConfigurableApplicationContext ctx = ws.context(true, schedule("often", "*/2 * * * * ?", instance));
        contexts.add(ctx);
        ctx.getBean(ScheduleService.class).start();
      }
      // generous windows: on a machine shared with other builds (load 12-30) a 100-trial run took
      // about 10 s and four of them did not fit in 30 s; on an idle machine the wait ends in seconds
      waitFor(Duration.ofSeconds(120), () -> finishedFires(db) >= 4);
      assertThat(db.queryForList("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE", String.class))
          .containsExactlyInAnyOrder("scheduler-a", "scheduler-b");
      contexts.get(0).getBean(Scheduler.class).pauseAll();
      waitFor(Duration.ofSeconds(120), () -> db.queryForObject(
          "SELECT COUNT(*) FROM schedule_fire WHERE outcome = 'RUNNING'", Integer.class) == 0);
    } finally {
      for (ConfigurableApplicationContext ctx : contexts) {
        ctx.getBean(Scheduler.class).standby();
        ctx.close();
      }
    }
    List<Map<String, Object>> fires = db.queryForList("SELECT * FROM schedule_fire ORDER BY fire_id");
    Map<Object, Long> perFireTime = fires.stream().collect(Collectors.groupingBy(f -> f.get("FIRE_TIME"),
        Collectors.counting()));
    assertThat(perFireTime).as("fires per fire time: %s", fires).allSatisfy((time, n) -> assertThat(n).isEqualTo(1));
    assertThat(fires).allSatisfy(f -> assertThat(f.get("OUTCOME")).isEqualTo("COMPLETED"));
    assertThat(db.queryForObject("SELECT COUNT(*) FROM projection_run WHERE schedule_name = 'often'", Integer.class))
        .isEqualTo(fires.size());
  }

  static String[] schedule(String name, String cron, String instance) {
    return new String[] {"--tariffcast.schedules[0].name=" + name, "--tariffcast.schedules[0].cron=" + cron,
        "--tariffcast.schedules[0].zone=UTC", "--tariffcast.schedules[0].trials=100",
        "--tariffcast.schedules[0].threads=1",
        "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + instance,
        "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000"};
  }

  static int finishedFires(JdbcTemplate db) {
    return db.queryForObject("SELECT COUNT(*) FROM schedule_fire WHERE outcome <> 'RUNNING'", Integer.class);
  }

  static void waitFor(Duration max, BooleanSupplier condition) throws InterruptedException {
    Instant end = Instant.now().plus(max);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("still waiting after " + max);
      }
      Thread.sleep(200);
    }
  }

}
