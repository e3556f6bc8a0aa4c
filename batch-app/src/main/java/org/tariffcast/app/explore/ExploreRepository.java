package org.tariffcast.app.explore;

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
import org.tariffcast.app.job.Owner;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.model.explore.GridPoint;

/**
 * The sweeps' tables ({@code explore_run}, {@code explore_file}, {@code explore_point}): a
 * sweep's identity, its files as read, and each completed grid point, written in the point
 * step's transaction.
 */
@Repository
public class ExploreRepository {
  private final JdbcClient jdbc;

  public ExploreRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One sweep. */
  public record SweepRecord(long sweepId, String studySha256, String exploreSha256, String overrides, String scenario,
      int points, long trialsPerPoint, String exploreText, String status, String message) {}

  /** Which process runs a sweep ({@code host:pid}), and when it last said so (null before V45's columns were set). */
  public record Liveness(String status, String owner, Instant heartbeatAt, Instant startedAt) {}

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Records a sweep, run by this process, and the files it read (once: a resumed sweep keeps what it first read). */
  public void create(long sweepId, String studySha, String exploreSha, String overrides, String scenario, int points,
      long trialsPerPoint, String exploreText, Map<String, String> files) {
    jdbc.sql("""
        INSERT INTO explore_run (sweep_id, study_sha256, explore_sha256, overrides, scenario, points, trials_per_point,
          explore_text, status, started_at, owner, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'STARTED', ?, ?, ?)""")
        .params(sweepId, studySha, exploreSha, overrides, scenario, points, trialsPerPoint, exploreText, ts(now()),
            Owner.current(), ts(now()))
        .update();
    files.forEach((path, content) -> jdbc.sql("INSERT INTO explore_file (sweep_id, path, content) VALUES (?, ?, ?)")
        .params(sweepId, path, content).update());
  }

  public Optional<SweepRecord> find(long sweepId) {
    return jdbc.sql("""
        SELECT sweep_id, study_sha256, explore_sha256, overrides, scenario, points, trials_per_point, explore_text,
          status, message FROM explore_run WHERE sweep_id = ?""").param(sweepId)
        .query((rs, n) -> new SweepRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10)))
        .optional();
  }

  /** The latest sweep of the same study files, sweep file and overrides, if any. */
  public Optional<Long> latestOf(String studySha, String exploreSha, String overrides) {
    return jdbc.sql("""
        SELECT MAX(sweep_id) FROM explore_run WHERE study_sha256 = ? AND explore_sha256 = ? AND overrides = ?""")
        .params(studySha, exploreSha, overrides).query(Long.class).optional();
  }

  public void status(long sweepId, String status, String message) {
    jdbc.sql("UPDATE explore_run SET status = ?, message = ?, finished_at = ? WHERE sweep_id = ?")
        .params(status, message == null || message.length() <= 4000 ? message : message.substring(0, 4000),
            "STARTED".equals(status) ? null : ts(now()), sweepId)
        .update();
  }

  /** The sweep is STARTED by process {@code owner} ({@code host:pid}), alive now. */
  public void startedBy(long sweepId, String owner) {
    jdbc.sql("UPDATE explore_run SET status = 'STARTED', message = NULL, finished_at = NULL, owner = ?, "
        + "heartbeat_at = ? WHERE sweep_id = ?").params(owner, ts(now()), sweepId).update();
  }

  /** The running sweep's process is alive now. */
  public void heartbeat(long sweepId) {
    jdbc.sql("UPDATE explore_run SET heartbeat_at = ? WHERE sweep_id = ?").params(ts(now()), sweepId).update();
  }

  public Optional<Liveness> liveness(long sweepId) {
    return jdbc.sql("SELECT status, owner, heartbeat_at, started_at FROM explore_run WHERE sweep_id = ?")
        .param(sweepId).query((rs, n) -> new Liveness(rs.getString(1), rs.getString(2), RunRepository.instant(rs, "heartbeat_at"),
            RunRepository.instant(rs, "started_at")))
        .optional();
  }


  /** Records where the sweep's reports are, relative to the reports folder. */
  public void reportPath(long sweepId, String folder) {
    jdbc.sql("UPDATE explore_run SET report_path = ? WHERE sweep_id = ?").params(folder, sweepId).update();
  }

  public Optional<String> reportPath(long sweepId) {
    return jdbc.sql("SELECT report_path FROM explore_run WHERE sweep_id = ?").param(sweepId).query(String.class)
        .optional();
  }

  public Map<String, String> files(long sweepId) {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.sql("SELECT path, content FROM explore_file WHERE sweep_id = ? ORDER BY path").param(sweepId)
        .query((RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  public void savePoint(long sweepId, GridPoint point) {
    jdbc.sql("""
        INSERT INTO explore_point (sweep_id, point_index, levers, result, completed_at) VALUES (?, ?, ?, ?, ?)""")
        .params(sweepId, point.index(), point.levers().toString(), GridPointCodec.encode(point), ts(now())).update();
  }

  public boolean pointExists(long sweepId, int index) {
    return jdbc.sql("SELECT COUNT(*) FROM explore_point WHERE sweep_id = ? AND point_index = ?")
        .params(sweepId, index).query(Long.class).single() > 0;
  }

  /** The stored points, in point order. */
  public List<GridPoint> points(long sweepId) {
    return jdbc.sql("SELECT result FROM explore_point WHERE sweep_id = ? ORDER BY point_index").param(sweepId)
        .query((rs, n) -> GridPointCodec.decode(rs.getString(1))).list();
  }

  /** The stored points' texts by index (tests compare them). */
  public List<String> pointTexts(long sweepId) {
    return jdbc.sql("SELECT result FROM explore_point WHERE sweep_id = ? ORDER BY point_index").param(sweepId)
        .query(String.class).list();
  }
}
