package org.tariffcast.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.CentralCase;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.Window;

/** TEMPORARY stub of the engine API (branch sim owns the real one). Not a model of anything. */
public final class ProjectionEngine {
  private final ModelConfig config;

  private ProjectionEngine(ModelConfig config) {
    this.config = config;
  }

  public static ProjectionEngine of(ModelConfig config) {
    return new ProjectionEngine(config);
  }

  public PartialResult simulate(long fromTrial, long toTrial, int threads, TrialProgress progress) {
    double sum = 0;
    double sumSq = 0;
    for (long i = fromTrial; i < toTrial; i++) {
      double x = new SplittableRandom(config.run().seed() * 31 + i).nextDouble();
      sum += x;
      sumSq += x * x;
      progress.trialsDone(1);
    }
    return new PartialResult(fromTrial, toTrial, sum, sumSq);
  }

  public boolean precisionReached(PartialResult soFar) {
    return false;
  }

  public CentralCase centralCase() {
    KpiKey k = KpiKey.of(config.scenarios().get(0).name(), Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.HORIZON,
        Measure.LEVEL);
    return new CentralCase(List.of(), List.of(new KpiValue(k, 0.5)));
  }

  public RunResult finish(PartialResult all, long runId, Instant startedAt, Instant finishedAt,
      Map<String, String> versions) {
    long n = all.to - all.from;
    double mean = all.sum / n;
    double sd = Math.sqrt(Math.max(0, (all.sumSq - n * mean * mean) / Math.max(1, n - 1)));
    KpiKey k = KpiKey.of(config.scenarios().get(0).name(), Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.HORIZON,
        Measure.LEVEL);
    Statistics s = new Statistics(n, mean, sd, sd / Math.sqrt(n), 0, 1,
        new Percentiles(mean, mean, mean, mean, mean, mean, mean), 0);
    RunInfo info = new RunInfo(runId, config.name(), config.title(), config.home(), config.partner(),
        config.snapshot().sha256(), config.run().seed(), n, config.run().sampling(), config.run().solver(),
        config.horizon(), config.baseYear(), startedAt, finishedAt, versions);
    return new RunResult(info, config.scenarios().stream().map(sc -> new ScenarioInfo(sc.name(), sc.probability(),
        sc.description())).toList(), List.of(KpiStatistics.of(k, s)), List.of(), List.of(), List.of(), List.of(),
        centralCase(), config.sources(), config.snapshot());
  }
}
