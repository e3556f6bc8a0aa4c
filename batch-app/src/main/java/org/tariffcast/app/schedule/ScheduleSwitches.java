package org.tariffcast.app.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tariffcast.app.TariffcastProperties;

/**
 * The {@code schedule_switch} table: schedules an operator switched off (or on again) in the
 * console. A schedule fires when it is enabled in {@code config/application.yml} and not
 * switched off here; every scheduler on the database sees the switch at its next fire.
 */
@Repository
public class ScheduleSwitches {
  private final JdbcClient jdbc;

  public ScheduleSwitches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A switch as stored: on or off, by whom and when. */
  public record Switch(boolean enabled, String changedBy, OffsetDateTime changedAt) {}

  public Map<String, Switch> all() {
    Map<String, Switch> out = new HashMap<>();
    jdbc.sql("SELECT schedule_name, enabled, changed_by, changed_at FROM schedule_switch")
        .query((RowCallbackHandler) rs -> {
            out.put(rs.getString(1), new Switch(rs.getBoolean(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class)));
        });
    return out;
  }

  /** True unless the schedule is disabled in the configuration or switched off in the console. */
  public boolean enabled(TariffcastProperties.Schedule schedule) {
    if (!schedule.enabled()) {
      return false;
    }
    Switch s = all().get(schedule.name());
    return s == null || s.enabled();
  }

  public void set(String schedule, boolean enabled, String by) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    int n = jdbc.sql("UPDATE schedule_switch SET enabled = ?, changed_by = ?, changed_at = ? WHERE schedule_name = ?")
        .params(enabled, by, now, schedule).update();
    if (n == 0) {
      jdbc.sql("INSERT INTO schedule_switch (schedule_name, enabled, changed_by, changed_at) VALUES (?, ?, ?, ?)")
          .params(schedule, enabled, by, now).update();
    }
  }
}
