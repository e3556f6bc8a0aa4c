package org.tariffcast.app.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tariffcast.model.config.ModelConfig;

/**
 * The configurations {@code run} checked before it started a job, handed to that job's
 * {@code validate} step in the same process, so that the run computes exactly the files that
 * were checked and the step never reads the study folder a second time: a file edited (or
 * broken) in between changes nothing of this run, and only the next run reads it.
 */
@Component
public class CheckedConfigs {
  private final Map<String, ModelConfig> byKey = new ConcurrentHashMap<>();

  /** For the new run whose job parameter {@link JobParams#RUN_KEY} is {@code runKey}. */
  void offerForNewRun(String runKey, ModelConfig config) {
    byKey.put("key:" + runKey, config);
  }

  /** For the restart of run {@code runId} (an orphan adopted by {@code run}). */
  void offerForRun(long runId, ModelConfig config) {
    byKey.put("run:" + runId, config);
  }

  /** Forgets what was offered and not taken (the job did not get to its validate step). */
  void withdraw(String runKey, Long runId) {
    if (runKey != null) {
      byKey.remove("key:" + runKey);
    }
    if (runId != null) {
      byKey.remove("run:" + runId);
    }
  }

  /** The checked configuration (overrides not applied) for this run, if {@code run} checked one; taken once. */
  ModelConfig take(String runKey, long runId) {
    ModelConfig c = runKey == null ? null : byKey.remove("key:" + runKey);
    ModelConfig r = byKey.remove("run:" + runId);
    return c != null ? c : r;
  }
}
