package org.tariffcast.app.job;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.persistence.RunLocks;

/**
 * The lock {@code run} holds on a configuration (its SHA-256 and overrides) from before it
 * looks for a run to resume until the run ends: a second {@code run} of the same
 * configuration, in any process on the same database, waits for it however close together the
 * two were started. Taken with one INSERT on {@code run_lock}'s primary key; a holder whose
 * process is gone (on this host: no such process; elsewhere: no heartbeat for
 * {@code tariffcast.stale-after}) is replaced. The heartbeat is kept by a daemon thread.
 */
public final class ConfigurationLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConfigurationLock.class);
  private final RunLocks locks;
  private final String key;
  private final String token;
  private final boolean waited;
  private final ScheduledExecutorService beat;

  private ConfigurationLock(RunLocks locks, String key, String token, boolean waited, Duration staleAfter) {
    this.locks = locks;
    this.key = key;
    this.token = token;
    this.waited = waited;
    this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "run-lock-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1000, Math.min(60_000, staleAfter.toMillis() / 5));
    beat.scheduleWithFixedDelay(() -> {
      try {
        locks.heartbeat(key, token);
      } catch (RuntimeException e) {
        log.debug("run lock heartbeat: {}", e.toString());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /** The lock's key: the configuration's SHA-256 and the overrides. */
  static String key(String configSha256, String overrides) {
    return configSha256 + " " + overrides;
  }

  /**
   * Takes the lock of {@code key}, waiting (polling every {@code poll}) while a live process
   * holds it; {@code onWait} hears once who holds it (the holder's {@code host:pid}).
   */
  static ConfigurationLock acquire(RunLocks locks, String key, String owner, Duration staleAfter, Duration poll,
      Consumer<String> onWait) throws InterruptedException {
    String token = UUID.randomUUID().toString();
    boolean waited = false;
    String told = null;
    while (true) {
      if (locks.tryAcquire(key, token, owner)) {
        return new ConfigurationLock(locks, key, token, waited, staleAfter);
      }
      var holder = locks.holder(key);
      if (holder.isEmpty()) {
        continue; // released in between: try again at once
      }
      if (Owner.isGone(holder.get().owner(), holder.get().heartbeatAt(), staleAfter)) {
        if (locks.remove(key, holder.get().token())) {
          log.info("the lock on this configuration held by process {} is released: that process is gone",
              holder.get().owner());
        }
        continue;
      }
      if (!holder.get().owner().equals(told)) {
        told = holder.get().owner();
        onWait.accept(told);
      }
      waited = true;
      Thread.sleep(poll.toMillis());
    }
  }

  /** True if another process held the lock when this one asked for it. */
  boolean waited() {
    return waited;
  }

  @Override
  public void close() {
    beat.shutdownNow();
    try {
      locks.remove(key, token);
    } catch (RuntimeException e) {
      log.warn("could not release the lock on this configuration ({}); the next run takes it over once this "
          + "process is gone", e.toString());
    }
  }
}
