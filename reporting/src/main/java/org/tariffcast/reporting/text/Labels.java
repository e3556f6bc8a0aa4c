package org.tariffcast.reporting.text;

import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.reporting.content.ReportData;

/**
 * The words a reader sees for metrics, windows, measures and units, with the run's own region
 * names: "US imports from Vietnam", "Final year (2027)", "USD bn per year".
 */
public final class Labels {
  private final ReportData data;
  private final String home;
  private final String partner;
  /** The words' language and side, or null for the English words from the home region's side. */
  private final Messages m;
  private final Viewpoint view;

  /** English words from the home region's side (summary.json, the annex's tables). */
  public Labels(ReportData data) {
    this(data, null);
  }

  /**
   * Words in {@code messages}' language and from the study's perspective ({@link Viewpoint}); with
   * null, English from the home region's side. Trade flows are named as the viewer would (Vietnam’s
   * exports to the US for US imports from Vietnam: the same numbers); the balance keeps the home
   * region's name, since its numbers carry the home region's sign.
   */
  public Labels(ReportData data, Messages messages) {
    this.data = data;
    this.home = data.info().home();
    this.partner = data.description().regionName(data.info().partner());
    this.m = messages;
    this.view = messages == null ? null : new Viewpoint(data, messages);
  }

  /** The labels a front report uses: localized unless English from the home region's side. */
  public static Labels forReport(ReportData data, String language) {
    boolean partnerSide = !data.description().perspective().equals(data.description().home());
    return language.equals("en") && !partnerSide ? new Labels(data) : new Labels(data, Messages.of(language));
  }

  /** The messages of these labels, or empty for the plain English ones. */
  public java.util.Optional<Messages> messages() {
    return java.util.Optional.ofNullable(m);
  }

  /** The viewpoint of these labels, or empty for the plain English ones (home region's side). */
  public java.util.Optional<Viewpoint> viewpoint() {
    return java.util.Optional.ofNullable(view);
  }

  /** A word of the report's language by key, or {@code english} for plain English labels. */
  public String word(String key, String english, Object... args) {
    return m == null ? english : m.get(key, args);
  }

  /** The home region as an adjective, e.g. {@code US}. */
  public String home() {
    return home;
  }

  /** The home region as an adjective in the labels' language, e.g. {@code US} or {@code Hoa Kỳ}. */
  public String homeAdjective() {
    return view == null ? home : view.adjective(home);
  }

  /** The partner's name, e.g. {@code Vietnam}. */
  public String partner() {
    return partner;
  }

  /** The indicator's name in the run's regions. */
  public String metric(Metric metric) {
    if (m != null) {
      return Messages.capitalise(metric == Metric.BILATERAL_BALANCE
          ? m.get("kpi.balance", view.possessive(data.info().home()), view.noun(data.info().partner()))
          : view.metric(metric));
    }
    return switch (metric) {
      case IMPORTS_FROM_PARTNER -> home + " imports from " + partner;
      case EXPORTS_TO_PARTNER -> home + " exports to " + partner;
      case BILATERAL_BALANCE -> home + " trade balance with " + partner;
      case TARIFF_REVENUE -> home + " tariff revenue on goods from " + partner;
      case PARTNER_EXPORTS -> partner + "'s exports to the world";
      case HOME_IMPORTS_BY_SOURCE -> home + " imports by source";
      case WELFARE -> "Net welfare";
    };
  }

  /**
   * A driver's words: its label, or for parameters moving together the words their labels share
   * and how many there are in this language ({@code drivers.group}, as the brief says it).
   */
  public String driver(org.tariffcast.reporting.content.Drivers.Row d) {
    if (m == null || !d.isGroup() || d.isScenario()) {
      return d.label();
    }
    return m.get("drivers.group", org.tariffcast.reporting.content.Drivers.sharedLabel(data.description(), d.members()),
        Integer.toString(d.members().size()));
  }

  /** A breakdown's name: "Total", a sector name or a region name. */
  public String breakdown(String code) {
    if (code.equals(KpiKey.TOTAL)) {
      return word("label.total", "Total");
    }
    String sector = data.description().sectorName(code);
    return sector.equals(code) ? data.description().regionName(code) : sector;
  }

  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  /** The month a quarter ends in, e.g. {@code March 2031} for 2031Q1. */
  public static String endMonth(YearQuarter q) {
    return MONTHS[q.quarter() * 3 - 1] + " " + q.year();
  }

  /** The month a quarter starts in, e.g. {@code April 2025} for 2025Q2. */
  public static String startMonth(YearQuarter q) {
    return MONTHS[q.quarter() * 3 - 3] + " " + q.year();
  }

  /** In calendar words: {@code 2027}, or {@code year to March 2031} when the final four quarters straddle two years. */
  public String finalYear() {
    Horizon h = data.info().horizon();
    if (m != null) {
      return m.finalYear(h);
    }
    YearQuarter first = h.quarter(h.finalYearStart());
    YearQuarter last = h.end();
    return first.quarter() == 1 ? Integer.toString(last.year()) : "year to " + endMonth(last);
  }

  /** e.g. {@code April 2025 to March 2031}. */
  public String horizon() {
    Horizon h = data.info().horizon();
    if (m != null) {
      return m.horizon(h);
    }
    return startMonth(h.start()) + " to " + endMonth(h.end());
  }

  /** e.g. "in 2027" or "in the year to March 2031". */
  public String inFinalYear() {
    Horizon h = data.info().horizon();
    if (m != null) {
      return m.inFinalYear(h);
    }
    return h.quarter(h.finalYearStart()).quarter() == 1 ? "in " + finalYear() : "in the " + finalYear();
  }

  /** e.g. "Final year (2027)" or "Whole horizon (2026Q1–2027Q4)". */
  public String window(Window window) {
    return switch (window) {
      case FINAL_YEAR -> word("label.window.finalYear", "Final year (" + finalYear() + ")", finalYear());
      case HORIZON -> word("label.window.horizon", "Whole horizon (" + horizon() + ")", horizon());
    };
  }

  /** e.g. "Change vs baseline". */
  public String measure(Measure measure) {
    return switch (measure) {
      case LEVEL -> word("label.measure.level", "Level");
      case CHANGE_VS_BASELINE -> word("label.measure.change", "Change vs baseline");
      case PCT_CHANGE_VS_BASELINE -> word("label.measure.pct", "% change vs baseline");
      case PCT_CHANGE_VS_BASE_YEAR -> word("label.measure.pctBaseYear", "% change vs base year ("
          + data.info().baseYear() + ")", Integer.toString(data.info().baseYear()));
    };
  }

  /** A KPI in words, e.g. "US trade balance with Vietnam, final year (2027), change vs baseline". */
  public String kpi(KpiKey key) {
    return kpi(Indicator.of(key));
  }

  /** An indicator in words, as {@link #kpi(KpiKey)}. */
  public String kpi(Indicator indicator) {
    String what = metric(indicator.metric());
    if (!indicator.breakdown().equals(KpiKey.TOTAL)) {
      what += " (" + breakdown(indicator.breakdown()) + ")";
    }
    return what + ", " + lowerFirst(window(indicator.window())) + ", " + lowerFirst(measure(indicator.measure()));
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The unit of a KPI: "%", "USD bn per year" or "USD bn over the horizon". */
  public String unit(Window window, Measure measure) {
    if (measure.isFraction()) {
      return "%";
    }
    return window == Window.FINAL_YEAR ? word("label.unit.finalYear", "USD bn per year, nominal")
        : word("label.unit.horizon", "USD bn over the horizon, nominal");
  }
}
