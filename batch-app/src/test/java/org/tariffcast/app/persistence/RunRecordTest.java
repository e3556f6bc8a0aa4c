package org.tariffcast.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What history, the console and the mails call a run's duration. */
class RunRecordTest {
  static final Instant START = Instant.parse("2026-12-02T07:38:01Z");
  /** Where the statistics began: 22 s after the start. */
  static final Instant STATISTICS = START.plusSeconds(22);
  /** The job's end, stamped on the heartbeat after merge, reports and publish: 117 s after the start. */
  static final Instant END = START.plusSeconds(117);

  @Test
  void aFinishedRunLastsFromItsStartToItsJobsEndNotToWhereItsStatisticsBegan() {
    assertThat(run("COMPLETED", STATISTICS, END).duration()).isEqualTo(Duration.ofSeconds(117));
  }

  @Test
  void aRunningOrKilledRunLastsToItsLastHeartbeat() {
    assertThat(run("STARTED", null, START.plusSeconds(40)).duration()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void withoutAHeartbeatTheStatisticsEndIt() {
    assertThat(run("COMPLETED", STATISTICS, null).duration()).isEqualTo(Duration.ofSeconds(22));
    assertThat(new RunRecord(1, 1L, "cli", null, null, "config", "", "STARTED", "created", null, null, null, null,
        null, null, null, START, null, null, null, null, null).duration()).isNull();
  }

  private static RunRecord run(String status, Instant finishedAt, Instant heartbeatAt) {
    return new RunRecord(1, 1L, "cli", null, null, "config/us-vietnam-2025", "", status, "published", null,
        "us-vietnam-2025", "66733fe48f59", 20250402L, 4000L, 4000L, 8, START.minusSeconds(1), START, finishedAt,
        "2026-12-02/run-1", "host:1", heartbeatAt);
  }
}
