package org.tariffcast.app.persistence;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code partition_result} table: one row per completed partition of the simulate step,
 * holding the engine's serialized partial result. Written in the worker step's transaction.
 */
@Repository
public class PartitionRepository {
  private final JdbcClient jdbc;

  public PartitionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored partition. */
  public record StoredPartition(int index, long fromTrial, long toTrial, byte[] result) {}

  public void save(long runId, int index, long fromTrial, long toTrial, byte[] result) {
    jdbc.sql("""
        INSERT INTO partition_result (run_id, partition_index, trial_from, trial_to, result_bytes, result, completed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(runId, index, fromTrial, toTrial, result.length, result, RunRepository.ts(RunRepository.now()))
        .update();
  }

  /** True if the partition's result is already stored for exactly this trial range. */
  public boolean exists(long runId, int index, long fromTrial, long toTrial) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM partition_result WHERE run_id = ? AND partition_index = ? AND trial_from = ?
          AND trial_to = ?""").params(runId, index, fromTrial, toTrial).query(Long.class).single() > 0;
  }

  public Optional<StoredPartition> find(long runId, int index) {
    return jdbc.sql("SELECT partition_index, trial_from, trial_to, result FROM partition_result "
        + "WHERE run_id = ? AND partition_index = ?").params(runId, index)
        .query((rs, n) -> new StoredPartition(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4)))
        .optional();
  }

  /** Indexes of the stored partitions, ascending. */
  public List<Integer> indexes(long runId) {
    return jdbc.sql("SELECT partition_index FROM partition_result WHERE run_id = ? ORDER BY partition_index")
        .param(runId).query(Integer.class).list();
  }

  public int count(long runId) {
    return jdbc.sql("SELECT COUNT(*) FROM partition_result WHERE run_id = ?").param(runId).query(Integer.class)
        .single();
  }

  /** Trials covered by the stored partitions. */
  public long trialsStored(long runId) {
    return jdbc.sql("SELECT COALESCE(SUM(trial_to - trial_from), 0) FROM partition_result WHERE run_id = ?")
        .param(runId).query(Long.class).single();
  }

  /**
   * Deletes the partition results of runs whose statistics were stored before {@code before}:
   * they are needed only to resume a run. Returns the rows deleted.
   */
  public int prune(java.time.Instant before) {
    return jdbc.sql("""
        DELETE FROM partition_result WHERE run_id IN (
          SELECT run_id FROM projection_run WHERE statistics_at IS NOT NULL AND statistics_at <= ?)""")
        .param(RunRepository.ts(before)).update();
  }

  /** Ranges of the stored partitions in partition order, without their results. */
  public List<long[]> ranges(long runId) {
    List<long[]> out = new ArrayList<>();
    jdbc.sql("SELECT partition_index, trial_from, trial_to FROM partition_result WHERE run_id = ? "
        + "ORDER BY partition_index").param(runId).query((RowCallbackHandler) rs -> {
            out.add(new long[] {rs.getInt(1), rs.getLong(2), rs.getLong(3)});
        });
    return out;
  }
}
