package org.tariffcast.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffcast.model.result.Metric;
import org.tariffcast.reporting.text.NumberText;

/** The headline table of a run's page: per scenario, the final-year median and 90 % interval of each headline indicator. */
public final class RunPageModel {
  private RunPageModel() {}

  /** One cell: the final-year level (USD bn per year) and the change against baseline (%), median and interval. */
  public record Cell(String level, String levelRange, String change, String changeRange) {}

  public record Row(String scenario, List<Cell> cells) {}

  public record Table(List<String> columns, List<Row> rows) {
    public boolean isEmpty() {
      return rows.isEmpty();
    }
  }

  /**
   * The headline metrics of a run stored before runs stored their study's headline list
   * ({@code run_headline}, V4): the five totals every study's list held then.
   */
  static final List<Metric> BEFORE_STORED_HEADLINES = List.of(Metric.IMPORTS_FROM_PARTNER,
      Metric.EXPORTS_TO_PARTNER, Metric.BILATERAL_BALANCE, Metric.TARIFF_REVENUE, Metric.PARTNER_EXPORTS);

  /**
   * The columns of the table: the study's headline metrics ({@code StudyDescription.headlineMetrics},
   * the workbook Summary's), or, for a run that stored none, {@link #BEFORE_STORED_HEADLINES}.
   */
  public static List<Metric> metrics(List<Metric> studyHeadlines) {
    return studyHeadlines.isEmpty() ? BEFORE_STORED_HEADLINES : studyHeadlines;
  }

  /**
   * The table of {@code headlines} (stored final-year statistics) for the metrics {@code metrics},
   * in their order; a metric without statistics has no column.
   */
  public static Table table(List<ConsoleRepository.Headline> headlines, List<Metric> headlineMetrics,
      List<String> scenarioOrder, String home, String partner) {
    List<Metric> metrics = headlineMetrics.stream()
        .filter(m -> headlines.stream().anyMatch(h -> h.metric().equals(m.label()))).toList();
    Map<String, Map<String, Cell>> byScenario = new LinkedHashMap<>();
    for (String s : scenarioOrder) {
      byScenario.put(s, new LinkedHashMap<>());
    }
    Map<String, Map<String, ConsoleRepository.Headline[]>> parts = new LinkedHashMap<>();
    for (ConsoleRepository.Headline h : headlines) {
      ConsoleRepository.Headline[] pair = parts.computeIfAbsent(h.scenario(), k -> new LinkedHashMap<>())
          .computeIfAbsent(h.metric(), k -> new ConsoleRepository.Headline[2]);
      pair["level".equals(h.measure()) ? 0 : 1] = h;
    }
    List<Row> rows = new ArrayList<>();
    List<String> order = new ArrayList<>(scenarioOrder);
    parts.keySet().stream().filter(s -> !order.contains(s)).forEach(order::add);
    for (String scenario : order) {
      Map<String, ConsoleRepository.Headline[]> m = parts.get(scenario);
      if (m == null) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      for (Metric metric : metrics) {
        ConsoleRepository.Headline[] pair = m.get(metric.label());
        ConsoleRepository.Headline level = pair == null ? null : pair[0];
        ConsoleRepository.Headline change = pair == null ? null : pair[1];
        boolean noChange = change == null || (change.p5() == 0 && change.p50() == 0 && change.p95() == 0);
        cells.add(new Cell(level == null ? "-" : NumberText.usdBn(level.p50()),
            level == null ? "" : range(NumberText.bn(level.p5()), NumberText.bn(level.p95())),
            noChange ? "" : percent(change.p50()),
            noChange ? "" : range(percent(change.p5()), percent(change.p95()))));
      }
      rows.add(new Row(scenario, cells));
    }
    List<String> columns = metrics.stream().map(mt -> title(mt, home, partner)).toList();
    return new Table(columns, rows);
  }

  /** "P5 to P95", or nothing when both read the same (no spread at this precision). */
  static String range(String p5, String p95) {
    return p5.equals(p95) ? "" : p5 + " to " + p95;
  }

  /** A signed percentage with one decimal: 0.253 is {@code +25.3 %}. */
  static String percent(double fraction) {
    double p = fraction * 100;
    String sign = p > 0.05 ? "+" : (p < -0.05 ? "−" : "");
    return sign + String.format(Locale.ROOT, "%.1f %%", Math.abs(p));
  }

  static String title(Metric metric, String home, String partner) {
    String h = home == null ? "Home" : home;
    String p = partner == null ? "partner" : partner;
    return switch (metric) {
      case IMPORTS_FROM_PARTNER -> h + " imports from " + p;
      case EXPORTS_TO_PARTNER -> h + " exports to " + p;
      case BILATERAL_BALANCE -> h + " trade balance with " + p;
      case TARIFF_REVENUE -> h + " tariff revenue on goods from " + p;
      case PARTNER_EXPORTS -> p + " exports to the world";
      default -> metric.title();
    };
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
