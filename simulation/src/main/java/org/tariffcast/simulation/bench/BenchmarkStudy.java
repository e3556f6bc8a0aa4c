package org.tariffcast.simulation.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.distribution.BetaDist;
import org.tariffcast.model.distribution.Discrete;
import org.tariffcast.model.distribution.Fixed;
import org.tariffcast.model.distribution.Normal;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.distribution.RankCorrelation;
import org.tariffcast.model.distribution.Triangular;
import org.tariffcast.model.distribution.Uniform;
import org.tariffcast.model.dynamics.DemandProcess;
import org.tariffcast.model.dynamics.Dynamics;
import org.tariffcast.model.elasticity.Elasticities;
import org.tariffcast.model.elasticity.ElasticitySet;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.geo.Sector;
import org.tariffcast.model.run.RunSettings;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.TariffRule;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.model.trade.TariffMatrix;
import org.tariffcast.model.trade.TariffWedge;
import org.tariffcast.model.trade.TradeMatrix;

/**
 * The benchmark's generated study: 6 regions (US, VN, CN, MX, EU, ROW, with intra-EU and
 * intra-ROW trade on the diagonal), 15 sectors, 6 scenarios of two or three regimes (uncertain
 * dates, transshipment, retaliation, exemptions, a China escalation), 24 quarters, two purchase
 * commitments (one lumpy), about 80 uncertain parameters with two rank correlations. Flows are
 * generated from a fixed seed with magnitudes of the 2024 US-Vietnam trade (USD per year); the
 * numbers are synthetic and serve only to measure speed and memory.
 */
public final class BenchmarkStudy {
  public static final List<String> REGIONS = List.of("US", "VN", "CN", "MX", "EU", "ROW");
  public static final int SECTORS = 15;
  public static final int QUARTERS = 24;

  private BenchmarkStudy() {}

  public static ModelConfig of(long trials, long seed, SamplingMethod sampling, SolverKind solver) {
    Random rnd = new Random(20250402L);
    int n = REGIONS.size();
    List<String> sectors = new ArrayList<>();
    for (int s = 0; s < SECTORS; s++) {
      sectors.add(String.format("S%02d", s + 1));
    }
    double[] size = {1.0, 0.15, 0.6, 0.5, 1.2, 2.0}; // export capacity weight of each region
    double[] market = {1.6, 0.2, 0.8, 0.4, 1.4, 2.5}; // import market weight
    Map<String, TradeMatrix> flows = new LinkedHashMap<>();
    Map<String, TariffMatrix> tariffs = new LinkedHashMap<>();
    Map<String, ElasticitySet> elasticities = new HashMap<>();
    Map<String, DemandProcess> demand = new HashMap<>();
    Map<String, Parameter> capacity = new HashMap<>();
    for (int s = 0; s < SECTORS; s++) {
      String sec = sectors.get(s);
      double[][] f = new double[n][n];
      TariffWedge[][] w = new TariffWedge[n][n];
      for (int r = 0; r < n; r++) {
        for (int v = 0; v < n; v++) {
          boolean intra = r == v && (REGIONS.get(r).equals("EU") || REGIONS.get(r).equals("ROW"));
          f[r][v] = r == v && !intra ? 0 : 1e9 * size[r] * market[v] * (2 + 8 * rnd.nextDouble()) * (intra ? 3 : 1);
          double t = r == v ? 0 : 0.01 + 0.09 * rnd.nextDouble();
          if (REGIONS.get(r).equals("CN") && REGIONS.get(v).equals("US")) {
            t += 0.25; // Section 301
          }
          w[r][v] = TariffWedge.adValorem(t);
        }
      }
      flows.put(sec, TradeMatrix.of(sec, REGIONS, f));
      tariffs.put(sec, TariffMatrix.of(sec, REGIONS, w));
      for (int r = 0; r < n; r++) {
        String reg = REGIONS.get(r);
        double es0 = 3 + 6 * rnd.nextDouble();
        Parameter em = reg.equals("US") ? Parameter.of("em." + sec + ".US", Uniform.of(-1.6, -0.8))
            : Parameter.fixed("em." + sec + "." + reg, -1.25);
        Parameter es = reg.equals("US") || reg.equals("VN")
            ? Parameter.of("es." + sec + "." + reg, Triangular.of(es0 * 0.6, es0, es0 * 1.3))
            : Parameter.fixed("es." + sec + "." + reg, es0);
        Parameter ex = reg.equals("ROW") ? Parameter.fixed("ex.ROW", Double.POSITIVE_INFINITY)
            : reg.equals("VN") ? Parameter.of("ex." + sec + ".VN", Uniform.of(1, 5))
            : Parameter.fixed("ex." + sec + "." + reg, 4);
        elasticities.put(sec + "/" + reg, ElasticitySet.of(em, es, ex));
        demand.put(Dynamics.key(sec, reg), DemandProcess.of(0.004 + 0.006 * rnd.nextDouble(),
            0.01 + 0.03 * rnd.nextDouble(), 0.6));
      }
      if (s % 3 == 0) {
        capacity.put(Dynamics.key(sec, "VN"), Parameter.of("capacity." + sec + ".VN", Normal.of(0.01, 0.004)));
        capacity.put(Dynamics.key(sec, "CN"), Parameter.fixed("capacity.CN", -0.004));
      }
    }
    Dynamics dynamics = new Dynamics(demand, capacity, Parameter.of("half_life", Triangular.of(1, 2, 4)),
        Parameter.of("front_loading_share", Uniform.of(0, 0.25)), 2);

    List<String> us = List.of("US");
    List<String> vn = List.of("VN");
    List<String> cn = List.of("CN");
    List<String> allButFirst = sectors.subList(1, SECTORS);
    Parameter pauseDate = Parameter.fixed("pause_date", q(2025, 2));
    TariffRule pause = rule(us, vn, sectors, WedgeComponent.SURCHARGE, Parameter.fixed("pause", 0.10));
    Parameter frameworkDate = Parameter.of("framework_date", Triangular.of(q(2025, 3), q(2025, 3), q(2026, 1)));
    TariffRule framework = rule(us, vn, sectors, WedgeComponent.SURCHARGE, Parameter.fixed("framework", 0.20),
        WedgeComponent.TRANSSHIPMENT_SHARE, Parameter.of("transshipment_share", BetaDist.of(2, 8)),
        WedgeComponent.TRANSSHIPMENT_SURCHARGE, Parameter.fixed("transshipment", 0.40));
    TariffRule vnZero = rule(vn, us, sectors, WedgeComponent.AD_VALOREM, Parameter.fixed("zero", 0));
    List<Scenario> scenarios = List.of(
        Scenario.of("Framework 20/40", 0.35, "", List.of(
            Regime.of("pause", pauseDate, List.of(pause), List.of()),
            Regime.of("framework", frameworkDate, List.of(framework, vnZero), List.of("Farm goods", "Aircraft")))),
        Scenario.of("No deal 46%", 0.2, "", List.of(
            Regime.of("pause", pauseDate, List.of(pause), List.of()),
            Regime.of("reciprocal", Parameter.of("reciprocal_date",
                Discrete.of(new double[] {q(2025, 3), q(2025, 4)}, new double[] {0.6, 0.4})),
                List.of(rule(us, vn, sectors, WedgeComponent.SURCHARGE, Parameter.fixed("reciprocal", 0.46))),
                List.of()))),
        Scenario.of("Zero for zero", 0.1, "", List.of(
            Regime.of("deal", Parameter.of("deal_date", Triangular.of(q(2025, 3), q(2025, 4), q(2026, 2))),
                List.of(rule(us, vn, sectors, WedgeComponent.AD_VALOREM, Parameter.fixed("zero", 0)), vnZero),
                List.of("Farm goods")))),
        Scenario.of("Framework with exemption", 0.15, "", List.of(
            Regime.of("pause", pauseDate, List.of(pause), List.of()),
            Regime.of("framework", frameworkDate, List.of(
                rule(us, vn, allButFirst, WedgeComponent.SURCHARGE, Parameter.fixed("framework", 0.20))), List.of()))),
        Scenario.of("Escalation", 0.1, "", List.of(
            Regime.of("pause", pauseDate, List.of(pause), List.of()),
            Regime.of("reciprocal", Parameter.of("reciprocal_date",
                Discrete.of(new double[] {q(2025, 3), q(2025, 4)}, new double[] {0.6, 0.4})),
                List.of(rule(us, vn, sectors, WedgeComponent.SURCHARGE, Parameter.fixed("reciprocal", 0.46))),
                List.of()),
            Regime.of("retaliation", Parameter.of("retaliation_date", Triangular.of(q(2025, 4), q(2026, 1), q(2026, 4))),
                List.of(rule(vn, us, sectors, WedgeComponent.SURCHARGE, Parameter.fixed("retaliation", 0.20))),
                List.of()))),
        Scenario.of("Framework and China escalation", 0.1, "", List.of(
            Regime.of("pause", pauseDate, List.of(pause), List.of()),
            Regime.of("framework", frameworkDate, List.of(framework, vnZero), List.of("Farm goods")),
            Regime.of("china", Parameter.of("china_date", Triangular.of(q(2025, 4), q(2026, 2), q(2027, 1))),
                List.of(rule(us, cn, sectors, WedgeComponent.SURCHARGE, Parameter.of("china_surcharge",
                    Uniform.of(0.3, 0.6)))), List.of()))));
    List<PurchaseCommitment> commitments = List.of(
        new PurchaseCommitment("Farm goods", sectors.get(2), "US", "VN", 2e9,
            Parameter.of("farm_fulfilment", BetaDist.of(4, 2)), Parameter.of("farm_ramp", Triangular.of(2, 4, 8)),
            Parameter.fixed("farm_displacement", 0.5), null, "synthetic"),
        new PurchaseCommitment("Aircraft", sectors.get(5), "US", "VN", 1.6e9,
            Parameter.of("aircraft_fulfilment", Uniform.of(0.5, 1)), Parameter.fixed("aircraft_ramp", 4),
            Parameter.fixed("aircraft_displacement", 0.8), 0.16e9, "synthetic"));
    List<RankCorrelation> correlations = List.of(
        RankCorrelation.of("es.S01.US", "es.S02.US", 0.5),
        RankCorrelation.of("farm_fulfilment", "transshipment_share", -0.3));
    List<Region> regions = REGIONS.stream().map(r -> Region.of(r, r)).toList();
    List<Sector> sectorList = sectors.stream().map(s -> Sector.of(s, "Sector " + s, List.of())).toList();
    return new ModelConfig("benchmark", "Engine benchmark (synthetic)", "US", "VN", 2024, regions, sectorList,
        Horizon.of(YearQuarter.of(2025, 1), QUARTERS), new RunSettings(trials, seed, sampling, solver, 8, null),
        flows, tariffs, Elasticities.of(sectors, REGIONS, elasticities), dynamics, scenarios, commitments,
        correlations, List.of(), List.of(), ConfigSnapshot.of(Map.of("study.yml", "name: benchmark\n")));
  }

  private static double q(int year, int quarter) {
    return YearQuarter.of(year, quarter).ordinal();
  }

  private static TariffRule rule(List<String> importers, List<String> exporters, List<String> sectors, Object... kv) {
    Map<WedgeComponent, Parameter> m = new EnumMap<>(WedgeComponent.class);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((WedgeComponent) kv[i], (Parameter) kv[i + 1]);
    }
    return TariffRule.of(importers, exporters, sectors, m);
  }
}
