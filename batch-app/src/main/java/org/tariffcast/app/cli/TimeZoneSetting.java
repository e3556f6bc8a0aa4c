package org.tariffcast.app.cli;

import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * One time zone everywhere: as soon as the settings are read, and before logging starts, the
 * process takes {@code tariffcast.time-zone} (or the former {@code tariffcast.zone}) as its
 * default zone, so the console and the log (whose patterns name the zone) agree with history,
 * show and the report folders' dates. Empty: the machine's zone.
 */
final class TimeZoneSetting implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    Environment env = event.getEnvironment();
    String name = env.getProperty("tariffcast.time-zone", env.getProperty("tariffcast.zone", ""));
    if (!name.isBlank()) {
      TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(name.strip())));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 15; // after the settings are read (+10), before logging starts (+20)
  }
}
