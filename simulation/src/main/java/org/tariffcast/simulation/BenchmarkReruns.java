package org.tariffcast.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.elasticity.ElasticitySet;
import org.tariffcast.model.elasticity.Elasticities;
import org.tariffcast.model.result.Benchmark;
import org.tariffcast.model.result.DriverRerun;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.run.RunSettings;

/**
 * Re-runs a study with its main drivers, the elasticities, at other values, so that a brief can
 * say why a published estimate lies outside the study's interval ("with every substitution
 * elasticity at half its central value the Framework median is -19.5 %"). Each variant fixes
 * one group of elasticities (every sector and region) at a stated value, keeps every other
 * uncertainty, and runs {@link #TRIALS} trials with the study's seed, sampling and solver on one
 * thread: the numbers depend on the configuration alone (the variants may run side by side, each
 * on its own thread, with the same numbers). Only the KPIs that the study's
 * benchmarks name are kept.
 */
public final class BenchmarkReruns {
  /** Trials per variant: enough for a median within about 3 % of the KPI's spread (1.25 sd / sqrt(n)). */
  public static final int TRIALS = 1000;

  /** The variants, each a group of elasticities set to a value derived from its distribution. */
  public enum Variant {
    SUBSTITUTION_HALF("substitution_half", "every substitution elasticity at half its central value",
        Kind.SUBSTITUTION, p -> 0.5 * p.central()),
    SUBSTITUTION_LOW("substitution_p10", "every substitution elasticity at its 10th percentile (the trade-war end "
        + "of its range)", Kind.SUBSTITUTION, p -> p.distribution().quantile(0.10)),
    SUBSTITUTION_HIGH("substitution_p90", "every substitution elasticity at its 90th percentile (the long-run GTAP "
        + "end of its range)", Kind.SUBSTITUTION, p -> p.distribution().quantile(0.90)),
    IMPORT_DEMAND_ELASTIC("import_demand_p10", "every import-demand elasticity at its 10th percentile (demand at "
        + "its most price-sensitive)", Kind.IMPORT_DEMAND, p -> p.distribution().quantile(0.10));

    private final String key;
    private final String words;
    private final Kind kind;
    private final Function<Parameter, Double> value;

    Variant(String key, String words, Kind kind, Function<Parameter, Double> value) {
      this.key = key;
      this.words = words;
      this.kind = kind;
      this.value = value;
    }

    public String key() {
      return key;
    }

    public String words() {
      return words;
    }
  }

  private enum Kind { SUBSTITUTION, IMPORT_DEMAND }

  private BenchmarkReruns() {
  }

  /**
   * The benchmarked KPIs of {@code config} under every variant, variant by variant in
   * {@link Variant} order, KPIs in benchmark order; empty when the study has no benchmarks.
   */
  public static List<DriverRerun> of(ModelConfig config) {
    return of(config, TRIALS);
  }

  /** As {@link #of(ModelConfig)} with {@code trials} trials per variant. */
  public static List<DriverRerun> of(ModelConfig config, long trials) {
    return of(config, trials, 1);
  }

  /**
   * As {@link #of(ModelConfig, long)}, the variants run side by side on up to {@code threads}
   * threads. Each variant is still simulated on one thread with its own engine, so the numbers
   * are those of {@code threads = 1} to the last bit; only the wall time changes.
   */
  public static List<DriverRerun> of(ModelConfig config, long trials, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, found " + threads);
    }
    Set<KpiKey> keys = new LinkedHashSet<>();
    for (Benchmark b : config.benchmarks()) {
      keys.add(b.key());
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    Variant[] variants = Variant.values();
    int pool = Math.min(threads, variants.length);
    List<List<DriverRerun>> each = new ArrayList<>();
    if (pool == 1) {
      for (Variant v : variants) {
        each.add(rerun(config, v, trials, keys));
      }
    } else {
      ExecutorService executor = Executors.newFixedThreadPool(pool, r -> {
        Thread t = new Thread(r, "benchmark-rerun");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<List<DriverRerun>>> futures = new ArrayList<>();
        for (Variant v : variants) {
          futures.add(executor.submit(() -> rerun(config, v, trials, keys)));
        }
        for (Future<List<DriverRerun>> f : futures) { // in Variant order, whatever finished first
          each.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while re-running the benchmark variants", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("a benchmark variant failed: " + cause, cause);
      } finally {
        executor.shutdownNow();
      }
    }
    List<DriverRerun> out = new ArrayList<>();
    each.forEach(out::addAll);
    return out;
  }

  /** One variant's benchmarked KPIs, in benchmark order: {@code trials} trials on the calling thread. */
  private static List<DriverRerun> rerun(ModelConfig config, Variant v, long trials, Set<KpiKey> keys) {
    List<DriverRerun> out = new ArrayList<>();
    ModelConfig changed = variant(config, v, trials);
    ProjectionEngine engine = ProjectionEngine.of(changed);
    PartialResult all = engine.simulate(0, trials, 1, null);
    Instant at = Instant.EPOCH;
    RunResult r = engine.finish(all, 0, at, at, Map.of());
    Map<KpiKey, KpiStatistics> stats = new LinkedHashMap<>();
    r.kpis().forEach(k -> stats.put(k.key(), k));
    Map<KpiKey, Double> central = new LinkedHashMap<>();
    for (KpiValue kv : r.centralCase().kpis()) {
      central.put(kv.key(), kv.value());
    }
    for (KpiKey k : keys) {
      KpiStatistics s = stats.get(k);
      if (s == null) {
        continue;
      }
      out.add(DriverRerun.of(v.key(), v.words(), k, all.trials(), central.getOrDefault(k, Double.NaN),
          s.stats().percentiles().p50(), s.stats().percentiles().p5(), s.stats().percentiles().p95()));
    }
    return out;
  }

  /**
   * The study with the variant's elasticities fixed (every sector and region), correlations that
   * named them dropped, and {@code trials} trials in one partition; seed, sampling and solver kept.
   */
  static ModelConfig variant(ModelConfig c, Variant v, long trials) {
    Map<String, ElasticitySet> sets = new LinkedHashMap<>();
    Set<String> fixed = new LinkedHashSet<>();
    for (String s : c.sectorCodes()) {
      for (String r : c.regionCodes()) {
        ElasticitySet e = c.elasticities().get(s, r);
        Parameter em = e.importDemand();
        Parameter es = e.substitution();
        if (v.kind == Kind.SUBSTITUTION && es.isUncertain()) {
          es = Parameter.fixed(es.name(), v.value.apply(es));
          fixed.add(es.name());
        } else if (v.kind == Kind.IMPORT_DEMAND && em.isUncertain()) {
          em = Parameter.fixed(em.name(), v.value.apply(em));
          fixed.add(em.name());
        }
        Parameter shortRun = e.substitutionShortRun();
        if (v.kind == Kind.SUBSTITUTION && shortRun != null && shortRun.isUncertain()) {
          shortRun = Parameter.fixed(shortRun.name(), v.value.apply(shortRun)); // the short run alike
          fixed.add(shortRun.name());
        }
        sets.put(Elasticities.key(s, r), ElasticitySet.of(em, es, e.exportSupply(), shortRun));
      }
    }
    List<RankCorrelation> kept = c.correlations().stream()
        .filter(rc -> !fixed.contains(rc.first()) && !fixed.contains(rc.second())).toList();
    RunSettings run = new RunSettings(trials, c.run().seed(), c.run().sampling(), c.run().solver(), 1, null);
    return new ModelConfig(c.name(), c.title(), c.home(), c.partner(), c.baseYear(), c.regions(), c.sectors(),
        c.horizon(), run, c.flows(), c.baseTariffs(), Elasticities.of(c.sectorCodes(), c.regionCodes(), sets),
        c.dynamics(), c.scenarios(), c.commitments(), kept, c.targets(), c.sources(), c.snapshot(), c.perspective(),
        c.parameterLabels(), c.levers(), c.benchmarks(), c.reroutings());
  }
}
