package org.tariffcast.app.job;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.tariffcast.app.persistence.RunRecord;

/** Which process runs a run ({@code host:pid}), and whether a STARTED run's process is gone. */
public final class Owner {
  private Owner() {}

  public static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  public static String current() {
    return host() + ":" + ProcessHandle.current().pid();
  }

  /**
   * True if a STARTED run was killed: its process, on this host, no longer exists, or it has not
   * sent a heartbeat for {@code staleAfter} (a process on another host, or a reused pid).
   */
  public static boolean isStale(RunRecord run, Duration staleAfter) {
    if (!"STARTED".equals(run.status())) {
      return false;
    }
    return isGone(run.owner(), run.heartbeatAt() != null ? run.heartbeatAt() : run.createdAt(), staleAfter);
  }

  /**
   * True if the process {@code owner} ({@code host:pid}) is gone: on this host, it no longer
   * exists; elsewhere (or a pid that may have been reused), {@code beat} is older than
   * {@code staleAfter}. This process is never gone.
   */
  public static boolean isGone(String owner, Instant beat, Duration staleAfter) {
    if (owner != null && owner.startsWith(host() + ":")) {
      try {
        long pid = Long.parseLong(owner.substring(owner.lastIndexOf(':') + 1));
        if (pid == ProcessHandle.current().pid()) {
          return false;
        }
        if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
          return true;
        }
      } catch (NumberFormatException e) {
        // fall through to the heartbeat
      }
    }
    return beat == null || beat.plus(staleAfter).isBefore(Instant.now());
  }
}
