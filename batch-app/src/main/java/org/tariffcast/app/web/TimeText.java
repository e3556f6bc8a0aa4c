package org.tariffcast.app.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as the console shows them: in the configured zone, the zone named. */
public final class TimeText {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
  private final ZoneId zone;

  public TimeText(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** {@code 2026-12-01 09:14:03 ICT}, or "-" for none. */
  public String when(Instant t) {
    return t == null ? "-" : WHEN.format(t.atZone(zone));
  }

  /** {@code 3m07s}, {@code 1h02m}, {@code 12s}, or "-" for none. */
  public static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60);
  }
}
