package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notNull;

import java.time.Instant;
import java.util.List;

/**
 * What changed since the previous comparable run (same study name, an earlier completed run):
 * the configuration differences in words and the change of each headline figure, judged
 * against the sampling error of the two runs.
 *
 * @param previousRunId the earlier run
 * @param previousFinishedAt when it finished (UTC), may be null
 * @param previousSeed its master seed
 * @param previousTrials its trials
 * @param changedFiles configuration files whose text differs, in file-name order (e.g. {@code scenarios.yml})
 * @param changes the differences in words, most important first, e.g. "the Framework probability
 *     rose from 0.45 to 0.55", "the trials rose from 2,000 to 4,000"; empty when the configurations are identical
 * @param modelUnchanged true when the only differences are the seed and the trial count (or none):
 *     every parameter, scenario, table and target is the same
 * @param figures the headline figures, before and after
 */
public record RunComparison(long previousRunId, Instant previousFinishedAt, long previousSeed, long previousTrials,
    List<String> changedFiles, List<String> changes, boolean modelUnchanged, List<FigureChange> figures) {
  public RunComparison {
    changedFiles = copy(changedFiles, "changed files");
    changes = copy(changes, "changes");
    figures = copy(figures, "figures");
  }

  /** True when no headline figure moved by more than its sampling error allows. */
  public boolean withinSamplingError() {
    return figures.stream().noneMatch(FigureChange::beyondSamplingError);
  }

  /**
   * One headline figure in both runs: the median of the KPI, in its unit (a fraction for pct
   * measures, USD otherwise).
   *
   * @param kpi the KPI
   * @param before median in the previous run
   * @param after median in this run
   * @param standardError standard error of the difference, from the two runs' sampling errors of
   *     the median ({@code sqrt(pi/2) sd / sqrt(trials)} each, exact for a normal distribution and
   *     conservative for Latin-hypercube sampling), combined as if independent
   */
  public record FigureChange(KpiKey kpi, double before, double after, double standardError) {
    /** A difference beyond three standard errors is more than sampling noise. */
    public static final double NOISE_MULTIPLE = 3;

    public FigureChange {
      notNull(kpi, "figure kpi");
    }

    public static FigureChange of(KpiKey kpi, double before, double after, double standardError) {
      return new FigureChange(kpi, before, after, standardError);
    }

    public double difference() {
      return after - before;
    }

    /** The difference is larger than {@link #NOISE_MULTIPLE} standard errors (any difference when the error is 0). */
    public boolean beyondSamplingError() {
      double d = Math.abs(difference());
      if (!Double.isFinite(d)) {
        return false;
      }
      return d > NOISE_MULTIPLE * (Double.isFinite(standardError) ? standardError : 0) + 1e-12 * Math.abs(before);
    }
  }
}
