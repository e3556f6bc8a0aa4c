package org.tariffcast.app.settings;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.tariffcast.model.run.RunLimits;

/**
 * The limits on a run's trials and threads, applied the same way to {@code --trials} and
 * {@code --threads} on the command line and to a schedule's {@code trials} and {@code threads}:
 * trials within {@link RunLimits#MAX_TRIALS} (the limit of {@code study.yml}), threads within
 * {@link RunLimits#MAX_THREADS} and within the database connection pool (each simulating thread
 * holds a connection, and the job needs 4 more).
 */
public final class RunOptions {
  /** Connections the job needs besides one per simulating thread. */
  public static final int SPARE_CONNECTIONS = 4;
  static final String POOL = "spring.datasource.hikari.maximum-pool-size";
  /** Hikari's own default pool size. */
  static final int HIKARI_DEFAULT_POOL = 10;

  private RunOptions() {}

  /** Most threads a run may use with these settings. */
  public static int maxThreads(Environment env) {
    int pool = HIKARI_DEFAULT_POOL;
    try {
      pool = env.getProperty(POOL, Integer.class, HIKARI_DEFAULT_POOL);
    } catch (RuntimeException e) {
      // reported by SettingsCheck
    }
    return Math.max(1, Math.min(RunLimits.MAX_THREADS, pool - SPARE_CONNECTIONS));
  }

  public static String threadsWords(int maxThreads) {
    return "a number of threads in [1, " + maxThreads + "] (at most " + RunLimits.MAX_THREADS
        + ", and " + SPARE_CONNECTIONS + " fewer than " + POOL + ")";
  }

  /** Problems of {@code --trials} and {@code --threads} (either may be null: not given). */
  public static List<SettingProblem> check(Long trials, Integer threads, Environment env) {
    List<SettingProblem> out = new ArrayList<>();
    if (trials != null && !RunLimits.trialsOk(trials)) {
      out.add(new SettingProblem("command line", "--trials", RunLimits.trialsWords(), String.valueOf(trials)));
    }
    int max = maxThreads(env);
    if (threads != null && (threads < 1 || threads > max)) {
      out.add(new SettingProblem("command line", "--threads", threadsWords(max), String.valueOf(threads)));
    }
    return out;
  }
}
