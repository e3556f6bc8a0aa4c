package org.tariffcast.reporting.text;

import java.util.ArrayList;
import java.util.List;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.result.RunComparison.FigureChange;
import org.tariffcast.model.result.Window;
import org.tariffcast.reporting.content.ReportData;

/**
 * "What changed since the previous comparable run" in words: which configuration files and
 * parameters differ, and how each headline figure moved, judged against the sampling error of
 * the two runs (more than three standard errors of the difference is more than noise).
 */
public final class ChangedSince {
  private final ReportData data;
  private final Labels labels;

  /** In English from the home region's side (summary.json). */
  public ChangedSince(ReportData data) {
    this(data, new Labels(data));
  }

  /**
   * In the words of {@code labels} (the report's language and side). The configuration's
   * differences themselves ({@link RunComparison#changes()}) come in English from the comparison.
   */
  public ChangedSince(ReportData data, Labels labels) {
    this.data = data;
    this.labels = labels;
  }

  private String w(String key, String english, Object... args) {
    return labels.word(key, english, args);
  }

  private String count(long n) {
    return labels.messages().map(m -> m.fixed(n, 0)).orElse(NumberText.fixed(n, 0));
  }

  /** The section heading, e.g. "What changed since run 41". */
  public String heading() {
    return data.comparison().map(c -> w("changed.headingRun", "What changed since run " + c.previousRunId(),
        Long.toString(c.previousRunId()))).orElse(w("changed.heading", "What changed since the previous run"));
  }

  /** The sentences: what differs in the configuration and whether the figures moved beyond sampling noise. */
  public List<String> sentences() {
    List<String> out = new ArrayList<>();
    if (data.comparison().isEmpty()) {
      out.add(w("changed.first", "This is the first completed run of the study " + data.info().study()
          + " in this database: there is no earlier run to compare with.", data.info().study()));
      return out;
    }
    RunComparison c = data.comparison().get();
    String date = c.previousFinishedAt() == null ? "" : c.previousFinishedAt().toString().substring(0, 10);
    String when = date.isEmpty() ? "" : w("changed.of", " of " + date, date);
    String prior = w("changed.prior", "Run " + c.previousRunId() + when + " (" + count(c.previousTrials())
        + " trials, seed " + c.previousSeed() + ")", Long.toString(c.previousRunId()), when, count(c.previousTrials()),
        Long.toString(c.previousSeed()));
    if (c.changes().isEmpty()) {
      out.add(w("changed.same", prior + " used the same configuration, seed and trials: every figure is the same.",
          prior));
      return out;
    }
    if (c.modelUnchanged()) {
      String error = c.withinSamplingError()
          ? w("changed.withinError", "Every headline figure moved by less than three standard errors: the differences "
              + "are within sampling error.")
          : w("changed.beyondError", "Some headline figures moved by more than three standard errors of sampling "
              + "error; see the table.");
      String changes = String.join("; ", c.changes());
      out.add(w("changed.seedOnly", prior + ": only the random seed or trial count changed (" + changes + "). "
          + error, prior, changes, error));
    } else {
      String files = String.join(", ", c.changedFiles());
      String changes = String.join("; ", c.changes());
      out.add(w("changed.differs", prior + " differs in " + files + ": " + changes + ".", prior, files, changes));
      long moved = c.figures().stream().filter(FigureChange::beyondSamplingError).count();
      out.add(moved == 0 ? w("changed.noMove", "No headline figure moved by more than three standard errors: the "
          + "change made no difference beyond sampling error.")
          : w("changed.moved", moved + " of " + c.figures().size() + " headline figures moved by more than three "
              + "standard errors, so by the changes above rather than by sampling noise.", count(moved),
              count(c.figures().size())));
    }
    return out;
  }

  /**
   * The lead headline figure of each scenario and the outlook, before and after: the first
   * final-year headline indicator (the brief's lead KPI).
   */
  private String points(double v) {
    String n = labels.messages().map(m -> m.fixed(v, 1)).orElse(NumberText.fixed(v, 1));
    return w("changed.points", n + " points", n);
  }

  public List<String[]> table() {
    List<String[]> rows = new ArrayList<>();
    if (data.comparison().isEmpty() || data.comparison().get().changes().isEmpty()) {
      return rows;
    }
    Indicator lead = data.description().headlines().stream().filter(h -> h.window() == Window.FINAL_YEAR)
        .findFirst().orElse(data.description().headlines().isEmpty() ? null : data.description().headlines().get(0));
    if (lead == null) {
      return rows;
    }
    String previous = Long.toString(data.comparison().get().previousRunId());
    rows.add(new String[] {w("changed.column.kpi", "Scenario: " + labels.kpi(lead) + " (median)", labels.kpi(lead)),
        w("changed.column.run", "Run " + previous, previous), w("changed.column.this", "This run"),
        w("changed.column.change", "Change"), w("changed.column.beyond", "Beyond sampling error?")});
    Reconciliation rec = new Reconciliation(data, labels);
    for (FigureChange f : data.comparison().get().figures()) {
      if (!Indicator.of(f.kpi()).equals(lead)) {
        continue;
      }
      var m = lead.measure();
      String change = m.isFraction() ? points(f.difference() * 100) : rec.val(m, f.difference());
      String margin = m.isFraction() ? points(3 * f.standardError() * 100)
          : rec.val(m, 3 * f.standardError()).replace("+", "");
      rows.add(new String[] {data.isOutlook(f.kpi().scenario()) ? w("scenario.outlook", f.kpi().scenario())
          : f.kpi().scenario(), rec.val(m, f.before()), rec.val(m, f.after()), change, f.beyondSamplingError()
          ? w("published.yes", "yes") : w("changed.within", "no (\u00b1" + margin + ")", margin)});
    }
    return rows;
  }
}
