package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.time.Instant;
import java.util.Map;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.time.Horizon;

/**
 * What identifies a run and what produced it.
 *
 * @param runId database id of the run
 * @param study study name from {@code study.yml}
 * @param title study title for report headings
 * @param home home region code (e.g. US), whose imports, exports and revenue are reported
 * @param partner partner region code (e.g. VN)
 * @param configSha256 SHA-256 of the configuration snapshot
 * @param seed master seed
 * @param trials trials completed
 * @param sampling sampling method
 * @param solver equilibrium solver
 * @param horizon projection horizon
 * @param baseYear calendar year of the base-year flows
 * @param startedAt when the run started (UTC)
 * @param finishedAt when its statistics were complete (UTC), may be null while running
 * @param versions software name -> version
 */
public record RunInfo(long runId, String study, String title, String home, String partner, String configSha256,
    long seed, long trials, SamplingMethod sampling, SolverKind solver, Horizon horizon, int baseYear,
    Instant startedAt, Instant finishedAt, Map<String, String> versions) {
  public RunInfo {
    notBlank(study, "study");
    title = title == null || title.isBlank() ? study : title;
    notBlank(home, "home region");
    notBlank(partner, "partner region");
    notBlank(configSha256, "configSha256");
    notNull(sampling, "sampling");
    notNull(solver, "solver");
    notNull(horizon, "horizon");
    notNull(startedAt, "startedAt");
    versions = Map.copyOf(notNull(versions, "versions"));
  }
}
