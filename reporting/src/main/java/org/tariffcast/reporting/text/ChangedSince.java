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

  public ChangedSince(ReportData data) {
    this.data = data;
    this.labels = new Labels(data);
  }

  /** The section heading, e.g. "What changed since run 41". */
  public String heading() {
    return data.comparison().map(c -> "What changed since run " + c.previousRunId()).orElse("What changed since the "
        + "previous run");
  }

  /** The sentences: what differs in the configuration and whether the figures moved beyond sampling noise. */
  public List<String> sentences() {
    List<String> out = new ArrayList<>();
    if (data.comparison().isEmpty()) {
      out.add("This is the first completed run of the study " + data.info().study()
          + " in this database: there is no earlier run to compare with.");
      return out;
    }
    RunComparison c = data.comparison().get();
    String when = c.previousFinishedAt() == null ? "" : " of " + c.previousFinishedAt().toString().substring(0, 10);
    String prior = "Run " + c.previousRunId() + when + " (" + NumberText.fixed(c.previousTrials(), 0)
        + " trials, seed " + c.previousSeed() + ")";
    if (c.changes().isEmpty()) {
      out.add(prior + " used the same configuration, seed and trials: every figure is the same.");
      return out;
    }
    if (c.modelUnchanged()) {
      out.add(prior + ": only the random seed or trial count changed (" + String.join("; ", c.changes()) + "). "
          + (c.withinSamplingError()
              ? "Every headline figure moved by less than three standard errors: the differences are within sampling "
                  + "error."
              : "Some headline figures moved by more than three standard errors of sampling error; see the table."));
    } else {
      out.add(prior + " differs in " + String.join(", ", c.changedFiles()) + ": " + String.join("; ", c.changes())
          + ".");
      long moved = c.figures().stream().filter(FigureChange::beyondSamplingError).count();
      out.add(moved == 0 ? "No headline figure moved by more than three standard errors: the change made no "
          + "difference beyond sampling error."
          : moved + " of " + c.figures().size() + " headline figures moved by more than three standard errors, so "
              + "by the changes above rather than by sampling noise.");
    }
    return out;
  }

  /**
   * The lead headline figure of each scenario and the outlook, before and after: the first
   * final-year headline indicator (the brief's lead KPI).
   */
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
    rows.add(new String[] {"Scenario: " + labels.kpi(lead) + " (median)", "Run "
        + data.comparison().get().previousRunId(), "This run", "Change", "Beyond sampling error?"});
    for (FigureChange f : data.comparison().get().figures()) {
      if (!Indicator.of(f.kpi()).equals(lead)) {
        continue;
      }
      var m = lead.measure();
      String change = m.isFraction() ? NumberText.fixed(f.difference() * 100, 1) + " points"
          : Reconciliation.value(m, f.difference());
      rows.add(new String[] {f.kpi().scenario(), Reconciliation.value(m, f.before()), Reconciliation.value(m, f.after()),
          change, f.beyondSamplingError() ? "yes" : "no (\u00b1" + (m.isFraction()
              ? NumberText.fixed(3 * f.standardError() * 100, 1) + " points)"
              : Reconciliation.value(m, 3 * f.standardError()).replace("+", "") + ")")});
    }
    return rows;
  }
}
