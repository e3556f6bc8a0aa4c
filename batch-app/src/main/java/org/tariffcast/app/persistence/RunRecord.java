package org.tariffcast.app.persistence;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code projection_run}: what history, show and the resume logic read.
 *
 * @param runId the run's id, which is its Spring Batch job instance id
 * @param jobExecutionId the latest job execution of the run
 * @param origin {@code cli} or {@code schedule}
 * @param scheduleName the schedule that fired it, or null
 * @param fireTime the schedule's fire time in its zone, or null
 * @param studyDir the study folder it was started on
 * @param overrides the run-setting overrides, canonical ({@code trials=2000;seed=7}), empty if none
 * @param status STARTED, COMPLETED, FAILED, STOPPED or INVALID
 * @param stage how far it got: created, validated, simulated, statistics, reported, published
 * @param message why it failed, if it did
 * @param study study name
 * @param configSha256 SHA-256 of the configuration snapshot
 * @param seed master seed
 * @param trials trials in its statistics (0 until merged)
 * @param trialsPlanned trials planned (the cap under a precision target)
 * @param partitions partitions of the simulate step
 * @param createdAt when the run was created
 * @param startedAt when its first execution started
 * @param finishedAt when its statistics were complete
 * @param reportPath where its reports are, relative to the reports folder, or null
 * @param owner host and process id of the process running it
 * @param heartbeatAt when that process last said it was alive
 */
public record RunRecord(long runId, Long jobExecutionId, String origin, String scheduleName, String fireTime,
    String studyDir, String overrides, String status, String stage, String message, String study,
    String configSha256, Long seed, Long trials, Long trialsPlanned, Integer partitions, Instant createdAt,
    Instant startedAt, Instant finishedAt, String reportPath, String owner, Instant heartbeatAt) {

  /**
   * Wall time from the start of the run's first execution to the end of its last (the job's end
   * stamps the heartbeat), or to its last heartbeat while it runs or after it was killed; a resumed
   * run's time includes the pause. {@code finishedAt}, where the statistics began, is the end only
   * of rows without a heartbeat: it leaves out the merge and the reports.
   */
  public Duration duration() {
    Instant end = heartbeatAt != null ? heartbeatAt : finishedAt;
    return startedAt == null || end == null ? null : Duration.between(startedAt, end);
  }

  /** The first 12 characters of the configuration hash, as the console shows it. */
  public String shortHash() {
    return configSha256 == null ? "-" : configSha256.substring(0, Math.min(12, configSha256.length()));
  }
}
