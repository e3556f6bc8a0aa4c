package org.tariffcast.app.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code schedule_fire} table: every fire of every schedule, on whichever scheduler. */
@Repository
public class FireLog {
  private final JdbcClient jdbc;

  public FireLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One fire as recorded. */
  public record Fire(long id, String schedule, String fireTime, String instance, String outcome, Long runId) {}

  public long fired(String schedule, String fireTime, String instance) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO schedule_fire (schedule_name, fire_time, scheduler_instance, fired_at, outcome) "
        + "VALUES (?, ?, ?, ?, 'RUNNING')")
        .params(schedule, fireTime, instance, OffsetDateTime.now(ZoneOffset.UTC))
        .update(keys, "fire_id");
    return keys.getKey().longValue();
  }

  public void ended(long fireId, String outcome, Long runId, String message) {
    jdbc.sql("UPDATE schedule_fire SET outcome = ?, run_id = ?, message = ? WHERE fire_id = ?")
        .params(outcome, runId, message == null ? null : message.substring(0, Math.min(4000, message.length())), fireId)
        .update();
  }

  /**
   * Closes the fires left RUNNING by schedulers that are gone: Quartz's cluster recovery removes
   * a dead scheduler from {@code QRTZ_SCHEDULER_STATE} (and re-fires its job on a live one, which
   * resumes the run under a fire record of its own). Returns how many were closed.
   */
  public int closeAbandoned(String byInstance) {
    return jdbc.sql("UPDATE schedule_fire SET outcome = 'ABANDONED', message = ? WHERE outcome = 'RUNNING' "
        + "AND scheduler_instance NOT IN (SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE) AND scheduler_instance <> ?")
        .params("its scheduler stopped during the fire; closed by scheduler " + byInstance
            + " (the fire's run is resumed by the next fire or 'tariffcast resume')", byInstance)
        .update();
  }

  public List<Fire> all() {
    return jdbc.sql("SELECT fire_id, schedule_name, fire_time, scheduler_instance, outcome, run_id FROM schedule_fire "
        + "ORDER BY fire_id").query((rs, n) -> new Fire(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, Long.class))).list();
  }
}
