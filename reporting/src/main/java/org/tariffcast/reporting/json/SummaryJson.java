package org.tariffcast.reporting.json;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tariffcast.model.result.Benchmark;
import org.tariffcast.model.result.ConvergencePoint;
import org.tariffcast.model.result.DriverRerun;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.result.DomainWarning;
import org.tariffcast.model.result.EquilibriumTable;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.KpiValue;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.Sensitivity;
import org.tariffcast.model.result.SeriesStatistics;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Welfare;
import org.tariffcast.model.trade.DataSource;
import org.tariffcast.reporting.content.Drivers;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.ChangedSince;
import org.tariffcast.reporting.text.ModelRange;
import org.tariffcast.reporting.text.Reconciliation;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code summary.json}: the machine-readable twin of the workbook. Keys come in a fixed order,
 * lists are sorted (scenarios in report order, then metric, breakdown, window, measure, period),
 * numbers have at most 10 significant digits ({@link JsonNumbers}), so the same run always gives
 * the same bytes. Fields, types and units are documented in {@code reporting/SUMMARY-JSON.md}.
 */
public final class SummaryJson {
  /** Bumped when a field is removed or changes meaning; adding fields keeps it. */
  public static final int SCHEMA_VERSION = 3;

  private final JsonMapper mapper = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  /** What the report's other files are called, for the {@code files} entry. */
  public record Files(String workbook, List<String> charts) {}

  /** The document as a tree (for tests and for callers that want to add to it). */
  public ObjectNode tree(ReportData data, Instant generatedAt, Files files) {
    RunInfo info = data.info();
    ObjectNode root = mapper.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("run_id", info.runId());
    root.put("study", info.study());
    root.put("title", info.title());
    root.put("home", info.home());
    root.put("partner", info.partner());
    root.put("config_sha256", info.configSha256());
    root.put("seed", info.seed());
    root.put("trials", info.trials());
    root.put("sampling", info.sampling().label());
    root.put("solver", info.solver().label());
    root.put("base_year", info.baseYear());
    ObjectNode horizon = root.putObject("horizon");
    horizon.put("start", info.horizon().start().toString());
    horizon.put("end", info.horizon().end().toString());
    horizon.put("quarters", info.horizon().quarters());
    horizon.put("final_year_start", info.horizon().quarter(info.horizon().finalYearStart()).toString());
    root.put("started_at", info.startedAt().toString());
    if (info.finishedAt() == null) {
      root.putNull("finished_at");
    } else {
      root.put("finished_at", info.finishedAt().toString());
    }
    root.put("generated_at", generatedAt.toString());
    ObjectNode versions = root.putObject("versions");
    new TreeMap<>(info.versions()).forEach(versions::put);
    root.set("regions", codeNames(regionCodes(data), data.description()::regionName));
    root.set("sectors", codeNames(sectorCodes(data), data.description()::sectorName));
    root.set("scenarios", scenarios(data));
    root.set("parameters", parameters(data));
    root.set("kpis", kpis(data));
    root.set("series", series(data));
    root.set("targets", targets(data));
    root.set("sensitivity", sensitivity(data));
    root.set("drivers", drivers(data));
    root.set("convergence", convergence(data));
    root.set("central_case", centralCase(data));
    root.set("central_case_kpis", centralCaseKpis(data));
    root.set("domain_warnings", domainWarnings(data));
    root.set("data_sources", dataSources(data));
    root.set("config_files", configFiles(data));
    root.set("benchmarks", benchmarks(data));
    root.set("driver_reruns", driverReruns(data));
    root.set("changed_since", changedSince(data));
    ObjectNode f = root.putObject("files");
    f.put("workbook", files.workbook());
    ArrayNode charts = f.putArray("charts");
    files.charts().forEach(charts::add);
    return root;
  }

  /** Writes the document, UTF-8, with a final newline. */
  public void write(ReportData data, Instant generatedAt, Files files, OutputStream out) throws IOException {
    out.write(text(data, generatedAt, files).getBytes(StandardCharsets.UTF_8));
  }

  /** The document as text. */
  public String text(ReportData data, Instant generatedAt, Files files) {
    return mapper.writer().with(new CompactPrettyPrinter()).writeValueAsString(tree(data, generatedAt, files)) + "\n";
  }

  // ------------------------------------------------------------------ sections

  private ArrayNode scenarios(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (ScenarioInfo s : data.scenarios()) {
      ObjectNode o = out.addObject();
      o.put("key", data.scenarioKey(s.name()));
      o.put("name", s.name());
      o.put("kind", data.isBaseline(s.name()) ? "baseline" : data.isOutlook(s.name()) ? "outlook" : "scenario");
      number(o, "probability", s.probability());
      o.put("description", s.description());
    }
    return out;
  }

  private ArrayNode parameters(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (var p : data.description().parameters()) {
      ObjectNode o = out.addObject();
      o.put("key", data.parameterKey(p.key()));
      o.put("parameter", p.key());
      o.put("label", p.label());
      o.put("distribution", p.distribution());
    }
    return out;
  }

  private ArrayNode benchmarks(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (Reconciliation.Row r : new Reconciliation(data).rows()) {
      Benchmark b = r.benchmark();
      ObjectNode o = out.addObject();
      key(o, b.key(), data);
      o.put("unit", unit(b.key()));
      number(o, "low", b.low());
      number(o, "high", b.high());
      o.put("source", b.source());
      o.put("note", b.note());
      Statistics st = data.kpi(b.key()).orElse(null);
      number(o, "study_p5", st == null ? null : st.percentiles().p5());
      number(o, "study_p50", st == null ? null : st.percentiles().p50());
      number(o, "study_p95", st == null ? null : st.percentiles().p95());
      if (r.inside().isEmpty()) {
        o.putNull("inside_interval");
      } else {
        o.put("inside_interval", r.inside().get());
      }
      o.put("why", r.why());
    }
    return out;
  }

  private ArrayNode driverReruns(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (DriverRerun r : data.result().reruns()) {
      ObjectNode o = out.addObject();
      o.put("variant", r.variant());
      o.put("words", r.words());
      key(o, r.kpi(), data);
      o.put("unit", unit(r.kpi()));
      o.put("trials", r.trials());
      number(o, "central_case", r.centralCase());
      number(o, "p5", r.p5());
      number(o, "p50", r.median());
      number(o, "p95", r.p95());
    }
    return out;
  }

  private tools.jackson.databind.JsonNode changedSince(ReportData data) {
    if (data.comparison().isEmpty()) {
      return mapper.nullNode();
    }
    RunComparison c = data.comparison().get();
    ObjectNode o = mapper.createObjectNode();
    o.put("previous_run_id", c.previousRunId());
    if (c.previousFinishedAt() == null) {
      o.putNull("previous_finished_at");
    } else {
      o.put("previous_finished_at", c.previousFinishedAt().toString());
    }
    o.put("previous_seed", c.previousSeed());
    o.put("previous_trials", c.previousTrials());
    ArrayNode files = o.putArray("changed_files");
    c.changedFiles().forEach(files::add);
    ArrayNode changes = o.putArray("changes");
    c.changes().forEach(changes::add);
    o.put("model_unchanged", c.modelUnchanged());
    o.put("within_sampling_error", c.withinSamplingError());
    ArrayNode sentences = o.putArray("summary");
    new ChangedSince(data).sentences().forEach(sentences::add);
    ArrayNode figures = o.putArray("figures");
    for (RunComparison.FigureChange f : c.figures()) {
      ObjectNode fo = figures.addObject();
      key(fo, f.kpi(), data);
      fo.put("unit", unit(f.kpi()));
      fo.put("statistic", "p50");
      number(fo, "before", f.before());
      number(fo, "after", f.after());
      number(fo, "difference", f.difference());
      number(fo, "standard_error", f.standardError());
      fo.put("beyond_sampling_error", f.beyondSamplingError());
    }
    return o;
  }

  private static String unit(KpiKey k) {
    return k.measure().isFraction() ? "fraction" : "USD";
  }

  private ArrayNode kpis(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (KpiStatistics k : data.sortedKpis()) {
      ObjectNode o = out.addObject();
      key(o, k.key(), data);
      o.put("unit", k.key().measure().isFraction() ? "fraction" : "USD");
      Statistics s = k.stats();
      o.put("count", s.count());
      number(o, "mean", s.mean());
      number(o, "sd", s.sd());
      number(o, "se", s.standardError());
      number(o, "ci95_low", s.meanCiLow());
      number(o, "ci95_high", s.meanCiHigh());
      number(o, "min", s.min());
      number(o, "max", s.max());
      percentiles(o, s.percentiles());
      number(o, "percentile_error", s.percentileError());
    }
    return out;
  }

  private ArrayNode series(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (SeriesStatistics p : data.sortedSeries()) {
      ObjectNode o = out.addObject();
      o.put("scenario", p.key().scenario());
      o.put("scenario_key", data.scenarioKey(p.key().scenario()));
      o.put("metric", p.key().metric().label());
      o.put("breakdown", p.key().breakdown());
      o.put("period", p.key().quarter().toString());
      o.put("unit", "USD");
      number(o, "mean", p.stats().mean());
      number(o, "sd", p.stats().sd());
      percentiles(o, p.stats().percentiles());
    }
    return out;
  }

  private ArrayNode targets(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    List<String> names = data.targetNames();
    data.result().targets().stream()
        .sorted(Comparator.comparingInt((TargetProbability t) -> names.indexOf(t.target()))
            .thenComparingInt(t -> data.scenarioIndex(t.scenario()))
            .thenComparing(TargetProbability::scenario))
        .forEach(t -> {
          ObjectNode o = out.addObject();
          o.put("target", t.target());
          String definition = data.targetRule(t.target());
          if (definition.isEmpty()) {
            o.putNull("definition");
          } else {
            o.put("definition", definition);
          }
          o.put("scenario", t.scenario());
          o.put("scenario_key", data.scenarioKey(t.scenario()));
          o.put("unit", "probability");
          number(o, "probability", t.probability());
          number(o, "ci95_low", t.ciLow());
          number(o, "ci95_high", t.ciHigh());
          o.put("trials", t.trials());
        });
    return out;
  }

  private ArrayNode sensitivity(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    data.result().sensitivity().stream()
        .sorted(Comparator.comparing(Sensitivity::kpi, data.kpiOrder())
            .thenComparingDouble(s -> -Math.abs(s.rankCorrelation()))
            .thenComparing(Sensitivity::parameter))
        .forEach(s -> {
          ObjectNode o = out.addObject();
          key(o, s.kpi(), data);
          o.put("parameter", s.parameter());
          o.put("parameter_key", data.parameterKey(s.parameter()));
          o.put("label", data.description().parameterLabel(s.parameter()));
          o.put("unit", "rank_correlation");
          number(o, "rank_correlation", s.rankCorrelation());
          o.put("trials", s.trials());
        });
    return out;
  }

  /**
   * Every KPI's drivers in USD, largest absolute swing first: a parameter or a block of
   * rank-correlated parameters (once), and for the outlook the scenario with its share of the
   * variance.
   */
  private ArrayNode drivers(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    data.result().swings().stream().map(org.tariffcast.model.result.DriverSwing::kpi).distinct()
        .sorted(data.kpiOrder())
        .forEach(kpi -> {
          for (Drivers.Row d : Drivers.of(data, kpi, "Which scenario happens")) {
            ObjectNode o = out.addObject();
            key(o, kpi, data);
            o.put("driver", d.key());
            o.put("kind", d.isScenario() ? "scenario" : d.isGroup() ? "group" : "parameter");
            o.put("label", d.label());
            ArrayNode members = o.putArray("parameters");
            d.members().forEach(members::add);
            ArrayNode keys = o.putArray("parameter_keys");
            d.members().forEach(p -> keys.add(data.parameterKey(p)));
            o.put("unit", "USD");
            number(o, "swing", d.swing());
            number(o, "low_tenth_mean", d.low());
            number(o, "high_tenth_mean", d.high());
            number(o, "swing_standard_error", d.standardError());
            number(o, "variance_share", d.varianceShare());
          }
        });
    return out;
  }

  private ArrayNode convergence(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    data.result().convergence().stream()
        .sorted(Comparator.comparing(ConvergencePoint::kpi, data.kpiOrder())
            .thenComparingLong(ConvergencePoint::trials))
        .forEach(p -> {
          ObjectNode o = out.addObject();
          key(o, p.kpi(), data);
          o.put("unit", p.kpi().measure().isFraction() ? "fraction" : "USD");
          o.put("trials", p.trials());
          number(o, "mean", p.mean());
          number(o, "se", p.standardError());
        });
    return out;
  }

  private ArrayNode centralCase(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (EquilibriumTable t : sortedTables(data)) {
      ObjectNode o = out.addObject();
      o.put("scenario", t.scenario());
      o.put("regime", t.regime());
      o.put("sector", t.sector());
      List<String> regions = regionsOf(t);
      ObjectNode prices = o.putObject("world_price_change");
      for (String r : ordered(regions, t.worldPriceChange().keySet())) {
        number(prices, r, t.worldPriceChange().get(r));
      }
      o.set("flows_before", flows(regions, t.flowsBefore()));
      o.set("flows_after", flows(regions, t.flowsAfter()));
      ObjectNode welfare = o.putObject("welfare");
      for (String r : ordered(regions, t.welfare().keySet())) {
        Welfare w = t.welfare().get(r);
        ObjectNode wo = welfare.putObject(r);
        number(wo, "consumer_surplus", w.consumerSurplus());
        number(wo, "producer_surplus", w.producerSurplus());
        number(wo, "tariff_revenue", w.tariffRevenue());
        number(wo, "net", w.net());
      }
    }
    return out;
  }

  /** Central-case tables in report order: scenario, then as the run listed its regimes, then sector in study order. */
  public static List<EquilibriumTable> sortedTables(ReportData data) {
    List<EquilibriumTable> tables = data.result().centralCase().tables();
    return tables.stream()
        .sorted(Comparator.comparingInt((EquilibriumTable t) -> data.scenarioIndex(t.scenario()))
            .thenComparing(EquilibriumTable::scenario)
            .thenComparingInt(t -> firstRegimeIndex(tables, t))
            .thenComparingInt(t -> data.breakdownIndex(t.sector()))
            .thenComparing(EquilibriumTable::sector))
        .toList();
  }

  private static int firstRegimeIndex(List<EquilibriumTable> tables, EquilibriumTable t) {
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).scenario().equals(t.scenario()) && tables.get(i).regime().equals(t.regime())) {
        return i;
      }
    }
    return tables.size();
  }

  private ObjectNode flows(List<String> regions, Map<String, Map<String, Double>> flows) {
    ObjectNode out = mapper.createObjectNode();
    for (String exporter : ordered(regions, flows.keySet())) {
      ObjectNode row = out.putObject(exporter);
      Map<String, Double> byImporter = flows.get(exporter);
      for (String importer : ordered(regions, byImporter.keySet())) {
        number(row, importer, byImporter.get(importer));
      }
    }
    return out;
  }

  private ArrayNode centralCaseKpis(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    data.result().centralCase().kpis().stream()
        .sorted(Comparator.comparing(KpiValue::key, data.kpiOrder()))
        .forEach(k -> {
          ObjectNode o = out.addObject();
          key(o, k.key(), data);
          o.put("unit", k.key().measure().isFraction() ? "fraction" : "USD");
          number(o, "value", k.value());
        });
    return out;
  }

  /** In the run's order: scenarios as configured, their regimes in order, sectors in study order, kind. */
  private ArrayNode domainWarnings(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    for (DomainWarning w : data.result().domainWarnings()) {
      ObjectNode o = out.addObject();
      o.put("kind", w.kind().label());
      o.put("scenario", w.scenario());
      o.put("regime", w.regime());
      o.put("sector", w.sector());
      o.put("trials", w.trials());
      number(o, "share", w.share());
      o.put("advice", ModelRange.advice(w.kind()));
    }
    return out;
  }

  private ArrayNode dataSources(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    data.result().sources().stream()
        .sorted(Comparator.comparing(DataSource::file).thenComparing(DataSource::source)
            .thenComparing(DataSource::quality))
        .forEach(d -> {
          ObjectNode o = out.addObject();
          o.put("file", d.file());
          o.put("source", d.source());
          o.put("quality", d.quality().label());
          o.put("rows", d.rows());
        });
    return out;
  }

  private ArrayNode configFiles(ReportData data) {
    ArrayNode out = mapper.createArrayNode();
    data.result().config().files().forEach((path, text) -> {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      ObjectNode o = out.addObject();
      o.put("path", path);
      o.put("bytes", bytes.length);
      o.put("sha256", sha256(bytes));
    });
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private ArrayNode codeNames(List<String> codes, java.util.function.UnaryOperator<String> name) {
    ArrayNode out = mapper.createArrayNode();
    for (String c : codes) {
      ObjectNode o = out.addObject();
      o.put("code", c);
      o.put("name", name.apply(c));
    }
    return out;
  }

  /** Regions in study order, then any others the central case names, by code. */
  private static List<String> regionCodes(ReportData data) {
    Set<String> out = new LinkedHashSet<>(data.description().regionCodes());
    Set<String> more = new java.util.TreeSet<>();
    data.result().centralCase().tables().forEach(t -> more.addAll(t.regions()));
    more.add(data.info().home());
    more.add(data.info().partner());
    out.addAll(more);
    return List.copyOf(out);
  }

  /** Sectors in study order, then any others the central case or the KPIs name, by code. */
  private static List<String> sectorCodes(ReportData data) {
    Set<String> out = new LinkedHashSet<>(data.description().sectorCodes());
    Set<String> more = new java.util.TreeSet<>();
    data.result().centralCase().tables().forEach(t -> more.add(t.sector()));
    out.addAll(more);
    return List.copyOf(out);
  }

  private static List<String> regionsOf(EquilibriumTable t) {
    return t.regions();
  }

  /** The table's regions in its order, then any other keys found, by name. */
  private static List<String> ordered(List<String> regions, Set<String> keys) {
    List<String> out = new ArrayList<>();
    regions.stream().filter(keys::contains).forEach(out::add);
    keys.stream().filter(k -> !regions.contains(k)).sorted().forEach(out::add);
    return out;
  }

  private static void key(ObjectNode o, KpiKey k, ReportData data) {
    o.put("scenario", k.scenario());
    o.put("scenario_key", data.scenarioKey(k.scenario()));
    o.put("metric", k.metric().label());
    o.put("breakdown", k.breakdown());
    o.put("window", k.window().label());
    o.put("measure", k.measure().label());
  }

  private static void percentiles(ObjectNode o, Percentiles p) {
    number(o, "p5", p.p5());
    number(o, "p10", p.p10());
    number(o, "p25", p.p25());
    number(o, "p50", p.p50());
    number(o, "p75", p.p75());
    number(o, "p90", p.p90());
    number(o, "p95", p.p95());
  }

  private static void number(ObjectNode o, String name, Double value) {
    BigDecimal d = value == null ? null : JsonNumbers.round(value);
    if (d == null) {
      o.putNull(name);
    } else {
      o.put(name, d);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
