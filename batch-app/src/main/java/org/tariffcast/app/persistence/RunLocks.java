package org.tariffcast.app.persistence;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code run_lock} table: at most one row per key, by its primary key, so taking a lock is
 * one INSERT that either succeeds or meets a duplicate key, atomically on H2 and PostgreSQL.
 * Every statement commits on its own; no database lock is held while a run goes on.
 */
@Repository
public class RunLocks {
  private final JdbcClient jdbc;

  public RunLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Who holds a lock: the token of that acquisition, its process ({@code host:pid}) and its heartbeat. */
  public record Holder(String token, String owner, Instant acquiredAt, Instant heartbeatAt) {}

  /** Takes the lock if nobody holds it; false if somebody does. */
  public boolean tryAcquire(String key, String token, String owner) {
    Instant now = RunRepository.now();
    try {
      jdbc.sql("INSERT INTO run_lock (lock_key, token, owner, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)")
          .params(key, token, owner, RunRepository.ts(now), RunRepository.ts(now)).update();
      return true;
    } catch (DuplicateKeyException held) {
      return false;
    }
  }

  public Optional<Holder> holder(String key) {
    return jdbc.sql("SELECT token, owner, acquired_at, heartbeat_at FROM run_lock WHERE lock_key = ?").param(key)
        .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), RunRepository.instant(rs, "acquired_at"),
            RunRepository.instant(rs, "heartbeat_at")))
        .optional();
  }

  /** Removes the lock if it is still the acquisition {@code token} (a holder found gone); false if it changed hands. */
  public boolean remove(String key, String token) {
    return jdbc.sql("DELETE FROM run_lock WHERE lock_key = ? AND token = ?").params(key, token).update() == 1;
  }

  /** Keeps a held lock's heartbeat current; false if this acquisition no longer holds it. */
  public boolean heartbeat(String key, String token) {
    return jdbc.sql("UPDATE run_lock SET heartbeat_at = ? WHERE lock_key = ? AND token = ?")
        .params(RunRepository.ts(RunRepository.now()), key, token).update() == 1;
  }
}
