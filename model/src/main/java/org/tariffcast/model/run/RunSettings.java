package org.tariffcast.model.run;

import static org.tariffcast.model.Checks.notNull;
import static org.tariffcast.model.Checks.positive;

/**
 * How a run samples and solves. Overridable from the command line and per schedule.
 *
 * @param trials number of Monte Carlo trials (each evaluates every scenario and the baseline)
 * @param seed master seed: trial i's numbers depend on (seed, i) only
 * @param sampling how uncertain parameters are sampled
 * @param solver equilibrium solver
 * @param partitions how many trial ranges the simulate step is split into (restart granularity)
 * @param precision optional early-stopping target; null for a fixed trial count
 */
public record RunSettings(long trials, long seed, SamplingMethod sampling, SolverKind solver, int partitions,
    PrecisionTarget precision) {
  public RunSettings {
    positive(trials, "trials");
    if (trials > RunLimits.MAX_TRIALS) {
      throw new IllegalArgumentException("trials must be at most " + RunLimits.MAX_TRIALS + ", found " + trials);
    }
    notNull(sampling, "sampling");
    notNull(solver, "solver");
    positive(partitions, "partitions");
  }

  public static RunSettings of(long trials, long seed, SamplingMethod sampling, SolverKind solver) {
    return new RunSettings(trials, seed, sampling, solver, 8, null);
  }

  public RunSettings withTrials(long n) {
    return new RunSettings(n, seed, sampling, solver, partitions, precision);
  }

  public RunSettings withSeed(long s) {
    return new RunSettings(trials, s, sampling, solver, partitions, precision);
  }

  public RunSettings withSampling(SamplingMethod m) {
    return new RunSettings(trials, seed, m, solver, partitions, precision);
  }

  public RunSettings withSolver(SolverKind k) {
    return new RunSettings(trials, seed, sampling, k, partitions, precision);
  }

  public RunSettings withPartitions(int p) {
    return new RunSettings(trials, seed, sampling, solver, p, precision);
  }
}
