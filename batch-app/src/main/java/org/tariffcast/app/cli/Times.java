package org.tariffcast.app.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamps as the command line prints them: in the configured zone, which each one names. */
final class Times {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

  private Times() {}

  /** {@code 2026-12-01 12:41:03 ICT}, or {@code -}. */
  static String seconds(Instant t, ZoneId zone) {
    return t == null ? "-" : SECONDS.format(t.atZone(zone));
  }

  /** {@code 2026-12-01 12:41 ICT}, or {@code -}. */
  static String minutes(Instant t, ZoneId zone) {
    return t == null ? "-" : MINUTES.format(t.atZone(zone));
  }
}
