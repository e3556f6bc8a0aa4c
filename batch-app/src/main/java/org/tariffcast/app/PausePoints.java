package org.tariffcast.app;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the kill tests and {@code batch-app/soak/kill-points.sh} only: with
 * {@code -Dtariffcast.pause-at=POINT} (or the environment variable {@code TARIFFCAST_PAUSE_AT}) a
 * process stops for good at that point of a run and says so, {@code paused at POINT}, so that a
 * test can {@code kill -9} it exactly there. Points: {@code validate} (before the configuration
 * snapshot is stored), {@code simulate-stored:N} (the N-th partition result of this process
 * written, not yet committed), {@code merge-stored} (the statistics written, not yet committed),
 * {@code report-written} (the report folder written as {@code .partial}, not yet moved),
 * {@code report-moved} (the folder in place, the run not yet marked reported) and
 * {@code publish-written} ({@code latest.json} written, the step not yet committed) and, in a sweep
 * ({@code run --explore}), {@code explore-point-stored:N} (the N-th grid point of this process
 * written, not yet committed). Unset, as in
 * production, every call returns at once.
 */
public final class PausePoints {
  private static final Logger log = LoggerFactory.getLogger(PausePoints.class);
  private static final Set<String> ARMED = armed();
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  private PausePoints() {}

  private static Set<String> armed() {
    String v = System.getProperty("tariffcast.pause-at", System.getenv("TARIFFCAST_PAUSE_AT"));
    return v == null || v.isBlank() ? Set.of()
        : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }

  /** Pauses for good if {@code point} is armed. */
  public static void at(String point) {
    if (ARMED.contains(point)) {
      pause(point);
    }
  }

  /** Counts the passes of {@code point}; pauses for good if {@code point:N} is armed and this is the N-th. */
  public static void counted(String point) {
    if (ARMED.isEmpty()) {
      return;
    }
    long n = COUNTS.computeIfAbsent(point, p -> new AtomicLong()).incrementAndGet();
    if (ARMED.contains(point + ":" + n)) {
      pause(point + ":" + n);
    }
  }

  private static void pause(String point) {
    log.warn("paused at {} (tariffcast.pause-at): waiting to be killed", point);
    System.err.println("paused at " + point);
    System.err.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep pausing: only a kill ends it
      }
    }
  }
}
