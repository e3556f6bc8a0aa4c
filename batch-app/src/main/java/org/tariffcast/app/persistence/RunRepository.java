package org.tariffcast.app.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tariffcast.model.config.ModelConfig;

/** The {@code projection_run} table and the snapshot and versions that hang off it. */
@Repository
public class RunRepository {
  private final JdbcClient jdbc;

  public RunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Times stored by this repository: millisecond precision, which every database keeps exactly. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** A timestamp column as an instant, null when NULL. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A new run row in stage {@code created}, before its configuration is known to be valid. */
  public void create(long runId, long jobExecutionId, String origin, String scheduleName, String fireTime,
      String studyDir, String overrides, String owner) {
    Instant now = now();
    jdbc.sql("""
        INSERT INTO projection_run (run_id, job_execution_id, origin, schedule_name, fire_time, study_dir, overrides,
          status, stage, created_at, started_at, owner, heartbeat_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'STARTED', 'created', ?, ?, ?, ?)""")
        .params(runId, jobExecutionId, origin, scheduleName, fireTime, studyDir, overrides, ts(now), ts(now), owner,
            ts(now))
        .update();
  }

  /** Records the validated configuration, its snapshot and the software versions. */
  @Transactional
  public void validated(long runId, ModelConfig config, long trialsPlanned, int partitions,
      Map<String, String> versions) {
    jdbc.sql("""
        UPDATE projection_run SET stage = 'validated', study = ?, title = ?, home = ?, partner = ?, config_sha256 = ?,
          seed = ?, trials = 0, trials_planned = ?, sampling = ?, solver = ?, partitions = ?, horizon_start = ?,
          horizon_quarters = ?, base_year = ?
        WHERE run_id = ?""")
        .params(config.name(), config.title(), config.home(), config.partner(), config.snapshot().sha256(),
            config.run().seed(), trialsPlanned, config.run().sampling().label(), config.run().solver().label(),
            partitions, config.horizon().start().toString(), config.horizon().quarters(), config.baseYear(), runId)
        .update();
    replaceSnapshot(runId, config.snapshot().files());
    replaceVersions(runId, versions);
  }

  void replaceSnapshot(long runId, Map<String, String> files) {
    jdbc.sql("DELETE FROM run_config_file WHERE run_id = ?").param(runId).update();
    files.forEach((path, content) -> jdbc.sql("INSERT INTO run_config_file (run_id, path, content) VALUES (?, ?, ?)")
        .params(runId, path, content).update());
  }

  void replaceVersions(long runId, Map<String, String> versions) {
    jdbc.sql("DELETE FROM run_version WHERE run_id = ?").param(runId).update();
    versions.forEach((name, version) -> jdbc.sql("INSERT INTO run_version (run_id, name, version) VALUES (?, ?, ?)")
        .params(runId, name, version).update());
  }

  /** The configuration files the run read, by path. */
  public Map<String, String> snapshot(long runId) {
    Map<String, String> files = new LinkedHashMap<>();
    jdbc.sql("SELECT path, content FROM run_config_file WHERE run_id = ? ORDER BY path").param(runId)
        .query((RowCallbackHandler) rs -> {
            files.put(rs.getString(1), rs.getString(2));
        });
    return files;
  }

  public Map<String, String> versions(long runId) {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.sql("SELECT name, version FROM run_version WHERE run_id = ? ORDER BY name").param(runId)
        .query((RowCallbackHandler) rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
    return out;
  }

  public void stage(long runId, String stage) {
    jdbc.sql("UPDATE projection_run SET stage = ? WHERE run_id = ?").params(stage, runId).update();
  }

  /** A (re)started execution of the run: who runs it now. */
  public void executing(long runId, long jobExecutionId, String owner) {
    jdbc.sql("""
        UPDATE projection_run SET job_execution_id = ?, status = 'STARTED', message = NULL, owner = ?,
          heartbeat_at = ? WHERE run_id = ?""")
        .params(jobExecutionId, owner, ts(now()), runId).update();
  }

  public void heartbeat(long runId) {
    jdbc.sql("UPDATE projection_run SET heartbeat_at = ? WHERE run_id = ?").params(ts(now()), runId).update();
  }

  public void finished(long runId, String status, String message) {
    jdbc.sql("""
        UPDATE projection_run SET status = CASE WHEN status = 'INVALID' THEN status ELSE ? END,
          message = CASE WHEN status = 'INVALID' THEN message ELSE ? END, heartbeat_at = ? WHERE run_id = ?""")
        .params(status, message == null ? null : truncate(message, 4000), ts(now()), runId).update();
  }

  /** Marks the run INVALID with its problems, in a transaction of its own: the failing step's rolls back. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void invalid(long runId, String message) {
    jdbc.sql("UPDATE projection_run SET status = 'INVALID', message = ? WHERE run_id = ?")
        .params(truncate(message, 4000), runId).update();
  }

  public void reported(long runId, String reportPath) {
    jdbc.sql("UPDATE projection_run SET stage = 'reported', report_path = ? WHERE run_id = ?")
        .params(reportPath, runId).update();
  }

  public Optional<RunRecord> find(long runId) {
    return jdbc.sql("SELECT * FROM projection_run WHERE run_id = ?").param(runId).query(RunRepository::record)
        .optional();
  }

  /** The most recent runs, newest first. */
  public List<RunRecord> recent(int limit) {
    return jdbc.sql("SELECT * FROM projection_run ORDER BY run_id DESC FETCH FIRST " + Math.max(1, limit)
        + " ROWS ONLY").query(RunRepository::record).list();
  }

  /** The newest run of this configuration and these overrides, if any. */
  public Optional<RunRecord> latestOf(String configSha256, String overrides) {
    return jdbc.sql("""
        SELECT * FROM projection_run WHERE config_sha256 = ? AND overrides = ?
        ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY""")
        .params(configSha256, overrides).query(RunRepository::record).optional();
  }

  /**
   * Runs of {@code run} (not of a schedule) still STARTED that never stored their configuration:
   * candidates for orphans, killed during their validate step (or still in it), newest first.
   */
  public List<RunRecord> withoutConfiguration() {
    return jdbc.sql("""
        SELECT * FROM projection_run WHERE status = 'STARTED' AND config_sha256 IS NULL AND schedule_name IS NULL
        ORDER BY run_id DESC""").query(RunRepository::record).list();
  }

  /**
   * Takes an orphan over: succeeds (true) for one process only, the one that finds it still
   * STARTED under the dead {@code expectedOwner}; the row then names {@code newOwner}.
   */
  public boolean claim(long runId, String expectedOwner, String newOwner) {
    return jdbc.sql("""
        UPDATE projection_run SET owner = ?, heartbeat_at = ?
        WHERE run_id = ? AND status = 'STARTED' AND config_sha256 IS NULL AND owner = ?""")
        .params(newOwner, ts(now()), runId, expectedOwner).update() == 1;
  }

  /** The newest STARTED run of process {@code owner}, if any. */
  public Optional<RunRecord> withOwner(String owner) {
    return jdbc.sql("""
        SELECT * FROM projection_run WHERE owner = ? AND status = 'STARTED' ORDER BY run_id DESC
        FETCH FIRST 1 ROWS ONLY""").param(owner).query(RunRepository::record).optional();
  }

  static RunRecord record(ResultSet rs, int row) throws SQLException {
    return new RunRecord(rs.getLong("run_id"), (Long) rs.getObject("job_execution_id", Long.class),
        rs.getString("origin"), rs.getString("schedule_name"), rs.getString("fire_time"), rs.getString("study_dir"),
        rs.getString("overrides"), rs.getString("status"), rs.getString("stage"), rs.getString("message"),
        rs.getString("study"), rs.getString("config_sha256"), rs.getObject("seed", Long.class),
        rs.getObject("trials", Long.class), rs.getObject("trials_planned", Long.class),
        rs.getObject("partitions", Integer.class), instant(rs, "created_at"), instant(rs, "started_at"),
        instant(rs, "finished_at"), rs.getString("report_path"), rs.getString("owner"), instant(rs, "heartbeat_at"));
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
