package org.tariffcast.simulation.sampling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.tariffcast.model.distribution.BetaDist;
import org.tariffcast.model.distribution.Distribution;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.run.SamplingMethod;

/**
 * Draws a trial's values of the uncertain parameters: its point in the unit hypercube (by the
 * sampling method), the Gaussian copula for rank correlations, then each parameter's quantile
 * function. Value j belongs to parameter j of the list given (the engine gives them in the
 * order of their names, {@code StudyPlan.sampledParameters}). Immutable and thread-safe; each worker takes a
 * {@link Worker}.
 */
public final class ParameterDraws {
  private final List<Parameter> parameters;
  private final DoubleUnaryOperator[] quantiles;
  private final GaussianCopula copula;
  private final Supplier<UnitHypercube> cubes;

  private ParameterDraws(List<Parameter> parameters, GaussianCopula copula, Supplier<UnitHypercube> cubes) {
    this.parameters = List.copyOf(parameters);
    this.copula = copula;
    this.cubes = cubes;
    this.quantiles = new DoubleUnaryOperator[parameters.size()];
    for (int j = 0; j < quantiles.length; j++) {
      quantiles[j] = quantileOf(parameters.get(j).distribution());
    }
  }

  /**
   * @param uncertain the sampled parameters, in sampling-dimension order
   * @param correlations rank correlations between some of them (by name)
   * @param method sampling method
   * @param seed master seed
   * @param totalTrials the run's trial count (Latin hypercube strata)
   */
  public static ParameterDraws of(List<Parameter> uncertain, List<RankCorrelation> correlations, SamplingMethod method,
      long seed, long totalTrials) {
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < uncertain.size(); j++) {
      index.put(uncertain.get(j).name(), j);
      names.add(uncertain.get(j).name());
    }
    List<int[]> pairs = new ArrayList<>();
    List<Double> rhos = new ArrayList<>();
    for (RankCorrelation rc : correlations) {
      Integer a = index.get(rc.first());
      Integer b = index.get(rc.second());
      if (a == null || b == null) {
        throw new IllegalArgumentException("correlation between '" + rc.first() + "' and '" + rc.second()
            + "' names a parameter that is not uncertain");
      }
      pairs.add(new int[] {a, b});
      rhos.add(rc.rho());
    }
    GaussianCopula copula = GaussianCopula.of(pairs, rhos, names);
    return new ParameterDraws(uncertain, copula, UnitHypercubes.of(method, seed, totalTrials, uncertain.size()));
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public int dimensions() {
    return parameters.size();
  }

  /** The central values (as the central case uses) into {@code values}. */
  public void central(double[] values) {
    for (int j = 0; j < parameters.size(); j++) {
      values[j] = parameters.get(j).central();
    }
  }

  /** A worker's drawing state. */
  public Worker worker() {
    return new Worker();
  }

  /** Per-thread: not thread-safe. */
  public final class Worker {
    private final UnitHypercube cube = cubes.get();
    private final double[] u = new double[parameters.size()];
    private final double[] scratch = new double[copula.correlatedDimensions()];

    /** Trial {@code trial}'s parameter values into {@code values}. */
    public void draw(long trial, double[] values) {
      cube.point(trial, u);
      copula.apply(u, scratch);
      for (int j = 0; j < u.length; j++) {
        values[j] = quantiles[j].applyAsDouble(u[j]);
      }
    }

    /** Trial {@code trial}'s point in the unit hypercube after the copula (for tests). */
    public void unitPoint(long trial, double[] out) {
      cube.point(trial, out);
      copula.apply(out, scratch);
    }
  }

  /**
   * The quantile function of a distribution; for beta distributions the commons-math
   * distribution is built once instead of per call (same arguments, hence the same values as
   * {@link BetaDist#quantile}); the lognormal's exponential is {@link StrictMath#exp}, so that
   * draws are the same on every machine.
   */
  static DoubleUnaryOperator quantileOf(Distribution d) {
    if (d instanceof BetaDist b) {
      BetaDistribution beta = new BetaDistribution(null, b.alpha(), b.beta(), 1e-12);
      double min = b.min();
      double width = b.max() - b.min();
      return p -> min + width * beta.inverseCumulativeProbability(Distribution.checkProbability(p));
    }
    if (d instanceof org.tariffcast.model.distribution.LogNormal ln) {
      // as LogNormal.quantile, with StrictMath.exp: portable to the last bit
      double mu = ln.mu();
      double sigma = ln.sigma();
      return p -> StrictMath.exp(mu + sigma * Math.sqrt(2)
          * org.apache.commons.math3.special.Erf.erfInv(2 * Distribution.checkProbability(p) - 1));
    }
    return d::quantile;
  }
}
