package org.tariffcast.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.model.result.CentralCase;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.geo.Region;
import org.tariffcast.model.geo.Sector;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.DriverSwing;
import org.tariffcast.model.result.ParameterLabel;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.SeriesKey;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.TargetDescription;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Welfare;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.SamplingMethod;
import org.tariffcast.model.run.SolverKind;
import org.tariffcast.model.run.Target;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.model.trade.DataSource;
import org.tariffcast.model.trade.Quality;

/**
 * A small fixed run whose numbers are chosen by hand: 3 scenarios + Baseline + Outlook, 2
 * sectors (ELEC, APPAREL), 4 regions (US, VN, CN, RW), 8 quarters from 2026Q1 (final year
 * 2027), 10,000 trials. The headline figures the tests check are literals in the tables below;
 * percentiles between P5, P50 and P95 are filled in by fixed ratios ({@link #stats}).
 */
public final class SmallRun {
  public static final String NO_DEAL = "No deal (46%)";
  public static final String FRAMEWORK = "Framework 20/40";
  public static final String ZERO = "Zero-for-zero";
  public static final String BASELINE = "Baseline";
  public static final String OUTLOOK = "Outlook";
  public static final long RUN_ID = 42;
  public static final long TRIALS = 10_000;
  static final double BN = 1e9;

  private final String noDeal;
  private final String framework;
  private final String zero;

  private SmallRun(String noDeal, String framework, String zero) {
    this.noDeal = noDeal;
    this.framework = framework;
    this.zero = zero;
  }

  /** The run with its ordinary scenario names. */
  public static RunResult result() {
    return new SmallRun(NO_DEAL, FRAMEWORK, ZERO).build();
  }

  /** The same run with scenario names that would be formulas or paths if written carelessly. */
  /** The fixture run with the report taking {@code perspective}'s side ("US", the home, or "VN", the partner). */
  public static RunResult withPerspective(String perspective) {
    RunResult r = result();
    StudyDescription d = r.description();
    StudyDescription side = new StudyDescription(d.study(), d.title(), d.home(), d.partner(), perspective, d.baseYear(),
        d.regions(), d.sectors(), d.scenarios(), d.parameters(), d.targets(), d.headlines());
    return new RunResult(r.info(), r.scenarios(), r.kpis(), r.series(), r.targets(), r.sensitivity(), r.convergence(),
        r.centralCase(), r.sources(), r.config(), side, r.domainWarnings()).withSwings(r.swings());
  }

  public static RunResult hostileNames(String first, String second, String third) {
    return new SmallRun(first, second, third).build();
  }

  /**
   * Statistics over {@link #TRIALS} trials from P5, P50 and P95 (USD or fractions as given) and
   * the mean: P10/P90 sit at 0.78 and P25/P75 at 0.41 of the way from P50 to P5/P95, sd is
   * (P95 - P5) / 3.29, se = sd / 100, min and max lie 60 % of a tail beyond P5 and P95.
   */
  public static Statistics stats(double p5, double p50, double p95, double mean) {
    double lo = p50 - p5;
    double hi = p95 - p50;
    Percentiles p = new Percentiles(p5, p50 - 0.78 * lo, p50 - 0.41 * lo, p50, p50 + 0.41 * hi, p50 + 0.78 * hi, p95);
    double sd = (p95 - p5) / 3.29;
    return new Statistics(TRIALS, mean, sd, sd / 100, p5 - 0.6 * lo, p95 + 0.6 * hi, p, 0.0);
  }

  /** {@link #stats(double, double, double, double)} with the mean at the median. */
  public static Statistics stats(double p5, double p50, double p95) {
    return stats(p5, p50, p95, p50);
  }

  private RunResult build() {
    ConfigSnapshot snapshot = snapshot();
    RunInfo info = new RunInfo(RUN_ID, "us-vietnam-2025", "US–Vietnam tariff negotiation 2025", "US", "VN",
        snapshot.sha256(), 20250402L, TRIALS, SamplingMethod.LHS, SolverKind.CES, Horizon.of(YearQuarter.of(2026, 1), 8),
        2024, Instant.parse("2026-01-05T02:00:00Z"), Instant.parse("2026-01-05T02:41:30Z"),
        Map.of("tariffcast", "0.1.0-SNAPSHOT", "java", "17.0.15"));
    List<ScenarioInfo> scenarios = List.of(
        new ScenarioInfo(noDeal, 0.2, "The 46 % reciprocal rate takes effect after the pause."),
        new ScenarioInfo(framework, 0.6, "20 % on Vietnamese goods, 40 % on goods deemed transshipped; Vietnam at 0 %."),
        new ScenarioInfo(zero, 0.2, "Both sides cut tariffs on each other's goods to zero."),
        new ScenarioInfo(BASELINE, 0.0, "Base-year tariffs unchanged."),
        new ScenarioInfo(OUTLOOK, 1.0, "The scenarios weighted by their probabilities."));
    return new RunResult(info, scenarios, kpis(), series(), targets(), sensitivity(), convergence(), centralCase(),
        List.of(DataSource.of("flows.csv", "US Census 2024, HS 85 (approx.)", Quality.APPROX, 12),
            DataSource.of("tariffs.csv", "USITC HTS MFN simple average (approx.)", Quality.APPROX, 8),
            DataSource.of("elasticities.csv", "GTAP Armington (Hertel et al.)", Quality.DERIVED, 6)),
        snapshot, description(scenarios)).withSwings(swings());
  }

  /**
   * Swings of the final-year balance (USD): each parameter's rank correlation times USD 10 bn,
   * around a mean of -100 bn, with the two substitution elasticities as one block of rank-correlated
   * parameters (USD -9 bn under No deal), so a reader can tell the block counts once.
   */
  private List<DriverSwing> swings() {
    String[] parameters = {"vn_transshipment_share", "scenario[" + noDeal + "].regime[reciprocal].effective",
        "Em.ELEC.US", "dynamics.half_life", "capacity.ELEC.VN", "commitment[LNG].fulfilment"};
    double[][] rho = {
        {0.05, 0.38, 0.22, 0.30, -0.15, 0.01},   // No deal
        {0.41, 0.00, 0.18, 0.25, -0.12, 0.12},   // Framework
        {0.02, 0.00, 0.06, 0.04, -0.09, 0.33},   // Zero-for-zero
        {0.28, 0.19, 0.15, 0.21, -0.11, 0.18}};  // Outlook
    double[] block = {-0.9, -0.7, -0.15, -0.5};
    String[] scenarios = {noDeal, framework, zero, OUTLOOK};
    List<DriverSwing> out = new ArrayList<>();
    for (int s = 0; s < scenarios.length; s++) {
      KpiKey kpi = KpiKey.of(scenarios[s], Metric.BILATERAL_BALANCE, "total", Window.FINAL_YEAR,
          Measure.CHANGE_VS_BASELINE);
      out.add(DriverSwing.of(kpi, "group:Es.APPAREL.US", List.of("Es.APPAREL.US", "Es.ELEC.US"),
          -100e9 - block[s] * 5e9, -100e9 + block[s] * 5e9, 0.2e9, 400, 400));
      for (int p = 0; p < parameters.length; p++) {
        out.add(DriverSwing.of(kpi, parameters[p], List.of(parameters[p]), -100e9 - rho[s][p] * 5e9,
            -100e9 + rho[s][p] * 5e9, 0.2e9, 400, 400));
      }
    }
    return out;
  }

  /**
   * The headline indicators the engine records for a study (see {@code OutputLayout}): the
   * five totals as change against baseline, final year then whole horizon, then the home's and
   * the partner's net welfare over the horizon.
   */
  public static List<Indicator> headlines(String home, String partner) {
    List<Indicator> out = new ArrayList<>();
    for (Window w : List.of(Window.FINAL_YEAR, Window.HORIZON)) {
      for (Metric m : List.of(Metric.IMPORTS_FROM_PARTNER, Metric.EXPORTS_TO_PARTNER, Metric.BILATERAL_BALANCE,
          Metric.TARIFF_REVENUE, Metric.PARTNER_EXPORTS)) {
        out.add(Indicator.of(m, KpiKey.TOTAL, w, Measure.CHANGE_VS_BASELINE));
      }
    }
    out.add(Indicator.of(Metric.WELFARE, home, Window.HORIZON, Measure.LEVEL));
    out.add(Indicator.of(Metric.WELFARE, partner, Window.HORIZON, Measure.LEVEL));
    return out;
  }

  /** The study as the engine would describe it (names as in the snapshot's study.yml). */
  private StudyDescription description(List<ScenarioInfo> scenarios) {
    List<TargetDescription> targets = List.of(
        TargetDescription.of(new Target("Deficit shrinks by 20 % in the final year", Metric.BILATERAL_BALANCE, "total",
            Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE, Target.Comparison.GE, 0.20),
            "United States deficit with Vietnam shrinks by at least 20 % in the final year vs baseline"),
        TargetDescription.of(new Target("US imports from Vietnam fall by a quarter", Metric.IMPORTS_FROM_PARTNER,
            "total", Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE, Target.Comparison.LE, -0.25),
            "United States imports from Vietnam fall by at least 25 % in the final year vs baseline"));
    List<ParameterLabel> parameters = List.of(
        ParameterLabel.of("Es.ELEC.US", "Substitution elasticity, Electronics, United States", "triangular(4.4, 8.8, 11)"),
        ParameterLabel.of("vn_transshipment_share", "Share of Vietnam's goods deemed transshipped",
            "triangular(0.02, 0.06, 0.16)"),
        ParameterLabel.of("Es.APPAREL.US", "Substitution elasticity, Apparel, United States", "triangular(2, 4, 6)"));
    return new StudyDescription("us-vietnam-2025", "US–Vietnam tariff negotiation 2025", "US", "VN", "US", 2024,
        List.of(Region.of("US", "United States"), Region.of("VN", "Vietnam"), Region.of("CN", "China"),
            Region.of("RW", "Rest of world")),
        List.of(Sector.of("ELEC", "Electronics", "85"), Sector.of("APPAREL", "Apparel", "61", "62")),
        scenarios, parameters, targets, headlines("US", "VN"));
  }

  // ---------------------------------------------------------------- KPIs

  /** One hand-chosen final-year row: P5, P50, P95 and mean (USD bn, or fractions for pct). */
  private record Row(String scenario, Metric metric, String breakdown, Measure measure, double p5, double p50,
      double p95, double mean) {}

  private List<Row> finalYearRows() {
    List<Row> rows = new ArrayList<>();
    // Baseline levels, USD bn per year in 2027
    rows.add(new Row(BASELINE, Metric.IMPORTS_FROM_PARTNER, "total", Measure.LEVEL, 138.0, 150.0, 162.0, 150.4));
    rows.add(new Row(BASELINE, Metric.EXPORTS_TO_PARTNER, "total", Measure.LEVEL, 12.6, 14.0, 15.4, 14.0));
    rows.add(new Row(BASELINE, Metric.BILATERAL_BALANCE, "total", Measure.LEVEL, -148.0, -136.0, -124.0, -136.4));
    rows.add(new Row(BASELINE, Metric.TARIFF_REVENUE, "total", Measure.LEVEL, 4.6, 5.1, 5.6, 5.1));
    rows.add(new Row(BASELINE, Metric.PARTNER_EXPORTS, "total", Measure.LEVEL, 450.0, 480.0, 510.0, 480.0));
    rows.add(new Row(BASELINE, Metric.IMPORTS_FROM_PARTNER, "ELEC", Measure.LEVEL, 86.0, 95.0, 104.0, 95.3));
    rows.add(new Row(BASELINE, Metric.IMPORTS_FROM_PARTNER, "APPAREL", Measure.LEVEL, 50.5, 55.0, 59.5, 55.1));
    // No deal: the 46 % rate
    scenario(rows, noDeal, 104.0,
        new double[] {93.0, 103.5, 114.0}, new double[] {-56.0, -46.5, -37.0}, new double[] {-0.40, -0.31, -0.22},
        new double[] {12.5, 13.3, 14.1}, new double[] {-0.08, -0.05, -0.02},
        new double[] {-101.0, -91.0, -81.0}, new double[] {0.26, 0.33, 0.40},
        new double[] {42.0, 47.6, 53.2}, new double[] {37.0, 42.5, 48.0},
        new double[] {-0.11, -0.08, -0.05});
    // Framework 20/40
    scenario(rows, framework, 129.4,
        new double[] {118.0, 129.0, 140.0}, new double[] {-30.0, -21.0, -12.0}, new double[] {-0.20, -0.14, -0.08},
        new double[] {14.6, 15.7, 16.8}, new double[] {0.07, 0.12, 0.17},
        new double[] {-124.0, -113.0, -102.0}, new double[] {0.10, 0.17, 0.24},
        new double[] {22.0, 25.5, 29.0}, new double[] {17.0, 20.4, 23.8},
        new double[] {-0.06, -0.04, -0.02});
    // Zero-for-zero
    scenario(rows, zero, 153.4,
        new double[] {141.0, 153.0, 165.0}, new double[] {-1.5, 3.0, 7.5}, new double[] {-0.01, 0.02, 0.05},
        new double[] {16.3, 17.5, 18.7}, new double[] {0.18, 0.25, 0.32},
        new double[] {-142.5, -131.5, -120.5}, new double[] {-0.02, 0.03, 0.08},
        new double[] {0.0, 0.0, 0.0}, new double[] {-5.6, -5.1, -4.6},
        new double[] {0.0, 0.01, 0.02});
    // Outlook: the mixture
    scenario(rows, OUTLOOK, 129.12,
        new double[] {99.0, 128.0, 152.0}, new double[] {-50.0, -21.5, 4.5}, new double[] {-0.36, -0.15, 0.03},
        new double[] {12.9, 15.5, 18.2}, new double[] {-0.06, 0.11, 0.29},
        new double[] {-140.0, -113.5, -88.0}, new double[] {-0.01, 0.17, 0.36},
        new double[] {0.0, 24.8, 51.0}, new double[] {-5.3, 19.7, 46.0},
        new double[] {-0.10, -0.04, 0.015});
    // sectors: mean changes add up to the change of the total mean (the waterfall relies on it)
    sectors(rows, noDeal, -27.1, -19.3, -0.29, -0.35);
    sectors(rows, framework, -14.2, -6.8, -0.15, -0.12);
    sectors(rows, zero, 1.1, 1.9, 0.01, 0.035);
    sectors(rows, OUTLOOK, -13.72, -7.56, -0.145, -0.137);
    return rows;
  }

  /**
   * A scenario's final-year rows: imports level (with its mean), change and % change; exports
   * level and %; balance level and %; tariff revenue level and change; partner exports %.
   */
  private static void scenario(List<Row> rows, String s, double importsMean, double[] imports, double[] importsChange,
      double[] importsPct, double[] exports, double[] exportsPct, double[] balance, double[] balancePct,
      double[] revenue, double[] revenueChange, double[] partnerPct) {
    rows.add(row(s, Metric.IMPORTS_FROM_PARTNER, Measure.LEVEL, imports, importsMean));
    rows.add(row(s, Metric.IMPORTS_FROM_PARTNER, Measure.CHANGE_VS_BASELINE, importsChange, importsMean - 150.4));
    rows.add(row(s, Metric.IMPORTS_FROM_PARTNER, Measure.PCT_CHANGE_VS_BASELINE, importsPct, importsPct[1]));
    rows.add(row(s, Metric.EXPORTS_TO_PARTNER, Measure.LEVEL, exports, exports[1]));
    rows.add(row(s, Metric.EXPORTS_TO_PARTNER, Measure.CHANGE_VS_BASELINE,
        new double[] {exports[0] - 14.0, exports[1] - 14.0, exports[2] - 14.0}, exports[1] - 14.0));
    rows.add(row(s, Metric.EXPORTS_TO_PARTNER, Measure.PCT_CHANGE_VS_BASELINE, exportsPct, exportsPct[1]));
    rows.add(row(s, Metric.BILATERAL_BALANCE, Measure.LEVEL, balance, balance[1]));
    rows.add(row(s, Metric.BILATERAL_BALANCE, Measure.CHANGE_VS_BASELINE,
        new double[] {balance[0] + 136.0, balance[1] + 136.0, balance[2] + 136.0}, balance[1] + 136.0));
    rows.add(row(s, Metric.BILATERAL_BALANCE, Measure.PCT_CHANGE_VS_BASELINE, balancePct, balancePct[1]));
    rows.add(row(s, Metric.TARIFF_REVENUE, Measure.LEVEL, revenue, revenue[1]));
    rows.add(row(s, Metric.TARIFF_REVENUE, Measure.CHANGE_VS_BASELINE, revenueChange, revenueChange[1]));
    rows.add(row(s, Metric.PARTNER_EXPORTS, Measure.PCT_CHANGE_VS_BASELINE, partnerPct, partnerPct[1]));
  }

  private static Row row(String s, Metric metric, Measure measure, double[] v, double mean) {
    return new Row(s, metric, "total", measure, v[0], v[1], v[2], mean);
  }

  private static void sectors(List<Row> rows, String s, double elecChange, double apparelChange, double elecPct,
      double apparelPct) {
    rows.add(new Row(s, Metric.IMPORTS_FROM_PARTNER, "ELEC", Measure.CHANGE_VS_BASELINE, elecChange - 6,
        elecChange, elecChange + 6, elecChange));
    rows.add(new Row(s, Metric.IMPORTS_FROM_PARTNER, "APPAREL", Measure.CHANGE_VS_BASELINE, apparelChange - 4,
        apparelChange, apparelChange + 4, apparelChange));
    rows.add(new Row(s, Metric.IMPORTS_FROM_PARTNER, "ELEC", Measure.LEVEL, 95.3 + elecChange - 9,
        95.3 + elecChange, 95.3 + elecChange + 9, 95.3 + elecChange));
    rows.add(new Row(s, Metric.IMPORTS_FROM_PARTNER, "APPAREL", Measure.LEVEL, 55.1 + apparelChange - 4.5,
        55.1 + apparelChange, 55.1 + apparelChange + 4.5, 55.1 + apparelChange));
    rows.add(new Row(s, Metric.IMPORTS_FROM_PARTNER, "ELEC", Measure.PCT_CHANGE_VS_BASELINE, elecPct - 0.06,
        elecPct, elecPct + 0.06, elecPct));
    rows.add(new Row(s, Metric.IMPORTS_FROM_PARTNER, "APPAREL", Measure.PCT_CHANGE_VS_BASELINE, apparelPct - 0.07,
        apparelPct, apparelPct + 0.07, apparelPct));
  }

  private List<KpiStatistics> kpis() {
    List<KpiStatistics> out = new ArrayList<>();
    for (Row r : finalYearRows()) {
      double unit = r.measure().isFraction() ? 1 : BN;
      out.add(KpiStatistics.of(KpiKey.of(r.scenario(), r.metric(), r.breakdown(), Window.FINAL_YEAR, r.measure()),
          stats(r.p5() * unit, r.p50() * unit, r.p95() * unit, r.mean() * unit)));
      // the whole horizon (8 quarters): USD values about 1.9 times the final year, fractions 0.8 times
      if (r.breakdown().equals("total")) {
        double f = r.measure().isFraction() ? 0.8 : 1.9;
        out.add(KpiStatistics.of(KpiKey.of(r.scenario(), r.metric(), r.breakdown(), Window.HORIZON, r.measure()),
            stats(r.p5() * unit * f, r.p50() * unit * f, r.p95() * unit * f, r.mean() * unit * f)));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- series

  /** Final-year % change of imports by scenario, used to shape the quarterly paths. */
  private double importsEffect(String scenario) {
    if (scenario.equals(noDeal)) {
      return -0.31;
    } else if (scenario.equals(framework)) {
      return -0.14;
    } else if (scenario.equals(zero)) {
      return 0.02;
    } else if (scenario.equals(OUTLOOK)) {
      return -0.15;
    }
    return 0;
  }

  private double exportsEffect(String scenario) {
    if (scenario.equals(noDeal)) {
      return -0.05;
    } else if (scenario.equals(framework)) {
      return 0.12;
    } else if (scenario.equals(zero)) {
      return 0.25;
    } else if (scenario.equals(OUTLOOK)) {
      return 0.11;
    }
    return 0;
  }

  /**
   * Quarterly paths, USD per quarter: baseline imports 36.0 bn + 0.35 bn a quarter (ELEC 60 %,
   * APPAREL 40 %), exports 3.3 bn + 0.05 bn; a scenario moves them by its effect, phased in
   * over three quarters; the band widens by 1.2 % of the median a quarter from 6 %.
   */
  private List<SeriesStatistics> series() {
    List<SeriesStatistics> out = new ArrayList<>();
    List<YearQuarter> quarters = Horizon.of(YearQuarter.of(2026, 1), 8).all();
    for (String s : List.of(noDeal, framework, zero, BASELINE, OUTLOOK)) {
      double spread0 = s.equals(OUTLOOK) ? 0.12 : 0.06;
      for (int i = 0; i < quarters.size(); i++) {
        YearQuarter q = quarters.get(i);
        double phase = Math.min(1.0, (i + 1) / 3.0);
        double imports = (36.0 + 0.35 * i) * (1 + importsEffect(s) * phase) * BN;
        double exports = (3.3 + 0.05 * i) * (1 + exportsEffect(s) * phase) * BN;
        double balance = exports - imports;
        double revenue = imports * (s.equals(BASELINE) || s.equals(zero) ? 0.034 : s.equals(framework) ? 0.19 : 0.44)
            * (s.equals(zero) ? 0 : 1);
        double w = spread0 + 0.012 * i;
        out.add(point(s, Metric.IMPORTS_FROM_PARTNER, "total", q, imports, w));
        out.add(point(s, Metric.IMPORTS_FROM_PARTNER, "ELEC", q, imports * 0.6, w));
        out.add(point(s, Metric.IMPORTS_FROM_PARTNER, "APPAREL", q, imports * 0.4, w));
        out.add(point(s, Metric.EXPORTS_TO_PARTNER, "total", q, exports, w));
        out.add(point(s, Metric.BILATERAL_BALANCE, "total", q, balance, w));
        out.add(point(s, Metric.TARIFF_REVENUE, "total", q, revenue, w));
      }
    }
    return out;
  }

  private static SeriesStatistics point(String s, Metric metric, String breakdown, YearQuarter q, double median,
      double relativeSpread) {
    double w = Math.abs(median) * relativeSpread;
    return SeriesStatistics.of(SeriesKey.of(s, metric, breakdown, q), stats(median - w, median, median + w));
  }

  // ---------------------------------------------------------------- targets, drivers, convergence

  private List<TargetProbability> targets() {
    String deficit = "Deficit shrinks by 20 % in the final year";
    String imports = "US imports from Vietnam fall by a quarter";
    return List.of(
        new TargetProbability(deficit, noDeal, 0.81, 0.8023, 0.8174, TRIALS),
        new TargetProbability(deficit, framework, 0.34, 0.3308, 0.3494, TRIALS),
        new TargetProbability(deficit, zero, 0.0, 0.0, 0.0004, TRIALS),
        new TargetProbability(deficit, OUTLOOK, 0.366, 0.3566, 0.3755, TRIALS),
        new TargetProbability(imports, noDeal, 0.87, 0.8633, 0.8764, TRIALS),
        new TargetProbability(imports, framework, 0.0, 0.0, 0.0004, TRIALS),
        new TargetProbability(imports, zero, 0.0, 0.0, 0.0004, TRIALS),
        new TargetProbability(imports, OUTLOOK, 0.174, 0.1667, 0.1816, TRIALS));
  }

  private List<Sensitivity> sensitivity() {
    String[] parameters = {"Es.ELEC.US", "vn_transshipment_share", "scenario[" + noDeal + "].regime[reciprocal].effective",
        "Em.ELEC.US", "dynamics.half_life", "capacity.ELEC.VN", "commitment[LNG].fulfilment", "Es.APPAREL.US"};
    double[][] rho = {
        {-0.62, 0.05, 0.38, 0.22, 0.30, -0.15, 0.01, -0.27},   // No deal
        {-0.48, 0.41, 0.00, 0.18, 0.25, -0.12, 0.12, -0.21},   // Framework
        {-0.10, 0.02, 0.00, 0.06, 0.04, -0.09, 0.33, -0.05},   // Zero-for-zero
        {-0.35, 0.28, 0.19, 0.15, 0.21, -0.11, 0.18, -0.17}};  // Outlook
    String[] scenarios = {noDeal, framework, zero, OUTLOOK};
    List<Sensitivity> out = new ArrayList<>();
    for (int s = 0; s < scenarios.length; s++) {
      KpiKey kpi = KpiKey.of(scenarios[s], Metric.BILATERAL_BALANCE, "total", Window.FINAL_YEAR,
          Measure.CHANGE_VS_BASELINE);
      for (int p = 0; p < parameters.length; p++) {
        out.add(new Sensitivity(kpi, parameters[p], rho[s][p], TRIALS));
      }
    }
    KpiKey importsOutlook = KpiKey.of(OUTLOOK, Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
        Measure.PCT_CHANGE_VS_BASELINE);
    out.add(new Sensitivity(importsOutlook, "Es.ELEC.US", -0.44, TRIALS));
    out.add(new Sensitivity(importsOutlook, "vn_transshipment_share", -0.31, TRIALS));
    return out;
  }

  /** Running means of imports' final-year % change, converging on the final P50 with se = sd / sqrt(n). */
  private List<ConvergencePoint> convergence() {
    List<ConvergencePoint> out = new ArrayList<>();
    String[] scenarios = {noDeal, framework, zero, OUTLOOK};
    double[] finalMean = {-0.31, -0.14, 0.02, -0.15};
    double[] sd = {0.18 / 3.29, 0.12 / 3.29, 0.06 / 3.29, 0.39 / 3.29};
    long[] trials = {500, 1000, 2000, 5000, 10000};
    double[] drift = {0.012, -0.006, 0.004, -0.002, 0.0};
    for (int s = 0; s < scenarios.length; s++) {
      KpiKey kpi = KpiKey.of(scenarios[s], Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
          Measure.PCT_CHANGE_VS_BASELINE);
      for (int t = 0; t < trials.length; t++) {
        out.add(new ConvergencePoint(kpi, trials[t], finalMean[s] + drift[t], sd[s] / Math.sqrt(trials[t])));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- central case

  private static final List<String> REGIONS = List.of("US", "VN", "CN", "RW");

  private CentralCase centralCase() {
    List<EquilibriumTable> tables = new ArrayList<>();
    // ELEC flows before, USD bn per year: exporter rows, importer columns (US, VN, CN, RW)
    double[][] elec = {{0, 6, 12, 80}, {95, 0, 20, 60}, {180, 30, 0, 400}, {400, 25, 150, 0}};
    double[][] apparel = {{0, 1, 1, 5}, {55, 0, 4, 30}, {60, 6, 0, 120}, {90, 3, 8, 0}};
    tables.add(table(noDeal, "reciprocal", "ELEC", elec, new double[] {1.0, 1.0, 1.0, 1.0},
        new double[] {0.0, 0.70, 0.0, 0.0}, new double[] {0.004, -0.021, 0.003, 0.001},
        new Welfare[] {Welfare.of(-9.8, 1.2, 26.1), Welfare.of(0.1, -4.6, 0.0), Welfare.of(0.0, 0.9, 0.0),
            Welfare.of(0.0, 0.6, 0.0)}));
    tables.add(table(noDeal, "reciprocal", "APPAREL", apparel, new double[] {1.0, 1.0, 1.0, 1.0},
        new double[] {0.0, 0.65, 0.0, 0.0}, new double[] {0.002, -0.028, 0.004, 0.002},
        new Welfare[] {Welfare.of(-6.1, 0.2, 15.9), Welfare.of(0.0, -3.1, 0.0), Welfare.of(0.0, 0.4, 0.0),
            Welfare.of(0.0, 0.3, 0.0)}));
    tables.add(table(framework, "deal", "ELEC", elec, new double[] {1.0, 1.0, 1.0, 1.0},
        new double[] {0.0, 0.86, 0.0, 0.0}, new double[] {0.002, -0.009, 0.001, 0.0},
        new Welfare[] {Welfare.of(-4.1, 0.6, 14.2), Welfare.of(0.0, -2.0, 0.0), Welfare.of(0.0, 0.4, 0.0),
            Welfare.of(0.0, 0.2, 0.0)}));
    tables.add(table(zero, "zero", "ELEC", elec, new double[] {1.0, 1.25, 1.0, 1.0},
        new double[] {0.0, 1.02, 0.0, 0.0}, new double[] {-0.001, 0.002, 0.0, 0.0},
        new Welfare[] {Welfare.of(0.9, 0.3, -3.2), Welfare.of(0.2, 0.5, -0.4), Welfare.of(0.0, -0.1, 0.0),
            Welfare.of(0.0, -0.1, 0.0)}));
    List<KpiValue> kpis = List.of(
        new KpiValue(KpiKey.of(noDeal, Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE), -0.305),
        new KpiValue(KpiKey.of(framework, Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE), -0.138),
        new KpiValue(KpiKey.of(zero, Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR,
            Measure.PCT_CHANGE_VS_BASELINE), 0.021),
        new KpiValue(KpiKey.of(noDeal, Metric.BILATERAL_BALANCE, "total", Window.FINAL_YEAR, Measure.LEVEL),
            -91.8e9));
    return new CentralCase(tables, kpis);
  }

  /**
   * A 4x4 table: flows after are flows before times a factor by exporter row (US exports move
   * with {@code usRow[importer]}, VN's exports to the US with {@code vnToUs[1]}); welfare in USD bn.
   */
  private static EquilibriumTable table(String scenario, String regime, String sector, double[][] before,
      double[] usRow, double[] vnToUs, double[] priceChange, Welfare[] welfareBn) {
    Map<String, Map<String, Double>> flowsBefore = new LinkedHashMap<>();
    Map<String, Map<String, Double>> flowsAfter = new LinkedHashMap<>();
    Map<String, Double> prices = new LinkedHashMap<>();
    Map<String, Welfare> welfare = new LinkedHashMap<>();
    for (int r = 0; r < 4; r++) {
      Map<String, Double> b = new LinkedHashMap<>();
      Map<String, Double> a = new LinkedHashMap<>();
      for (int v = 0; v < 4; v++) {
        double factor = 1.0;
        if (r == 0) {
          factor = usRow[v];
        } else if (r == 1 && v == 0) {
          factor = vnToUs[1];
        } else if (v == 0) {
          factor = 1.04; // other suppliers gain a little in the US
        }
        b.put(REGIONS.get(v), before[r][v] * BN);
        a.put(REGIONS.get(v), before[r][v] * factor * BN);
      }
      flowsBefore.put(REGIONS.get(r), b);
      flowsAfter.put(REGIONS.get(r), a);
      prices.put(REGIONS.get(r), priceChange[r]);
      Welfare w = welfareBn[r];
      welfare.put(REGIONS.get(r), Welfare.of(w.consumerSurplus() * BN, w.producerSurplus() * BN,
          w.tariffRevenue() * BN));
    }
    return new EquilibriumTable(scenario, regime, sector, REGIONS, prices, flowsBefore, flowsAfter, welfare);
  }

  // ---------------------------------------------------------------- configuration snapshot

  private static ConfigSnapshot snapshot() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("study.yml", String.join("\n",
        "name: us-vietnam-2025",
        "title: US–Vietnam tariff negotiation 2025",
        "base_year: 2024",
        "home: US",
        "partner: VN",
        "horizon: {start: 2026Q1, quarters: 8}",
        "run: {trials: 10000, seed: 20250402, sampling: lhs, solver: ces, partitions: 4}",
        "regions:",
        "  - {code: US, name: United States}",
        "  - {code: VN, name: Vietnam}",
        "  - {code: CN, name: China}",
        "  - {code: RW, name: Rest of world}",
        "sectors:",
        "  - {code: ELEC, name: Electronics, hs: [\"85\"]}",
        "  - {code: APPAREL, name: Apparel, hs: [\"61\", \"62\"]}",
        "targets:",
        "  - {name: Deficit shrinks by 20 % in the final year, metric: bilateral_balance, breakdown: total,",
        "     window: final_year, measure: pct_change_vs_baseline, comparison: \">=\", threshold: 0.20}",
        "  - {name: US imports from Vietnam fall by a quarter, metric: imports_from_partner, breakdown: total,",
        "     window: final_year, measure: pct_change_vs_baseline, comparison: \"<=\", threshold: -0.25}",
        ""));
    files.put("scenarios.yml", String.join("\n",
        "# a modeler's note that looks like a formula:",
        "=HYPERLINK(\"http://example.invalid\",\"click me\")",
        "+1+1",
        "@SUM(A1:A2)",
        "scenarios:",
        "  - name: No deal (46%)",
        "    probability: 0.2",
        ""));
    files.put("flows.csv", String.join("\n",
        "sector,exporter,importer,value_usd_mn,source,quality",
        "ELEC,VN,US,95000,\"US Census 2024, HS 85 (approx.)\",approx",
        ""));
    return ConfigSnapshot.of(files);
  }
}
