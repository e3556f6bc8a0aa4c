package org.tariffcast.reporting.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tariffcast.model.result.DomainWarning;

/** What a report says when equilibria of the run left their model's range. */
public final class ModelRange {
  /** The advice for the linear model's negative flows and revenue. */
  public static final String LINEAR_ADVICE = "the linear model is outside its range for shocks of this size: use `ces`";
  /** The note for long CES solves. */
  public static final String CES_NOTE = "the CES solver needed more than its usual iterations: the shock is very "
      + "large for the market's data";

  private ModelRange() {}

  /** The problem in a few words, e.g. "negative flows". */
  public static String problem(DomainWarning.Kind kind) {
    return switch (kind) {
      case NEGATIVE_FLOW -> "negative flows";
      case NEGATIVE_REVENUE -> "negative tariff revenue";
      case SLOW_CONVERGENCE -> "long CES solve";
    };
  }

  /** The advice for one warning. */
  public static String advice(DomainWarning.Kind kind) {
    return kind == DomainWarning.Kind.SLOW_CONVERGENCE ? CES_NOTE : LINEAR_ADVICE;
  }

  /**
   * One paragraph for the summary, naming at most {@code max} warnings (the rest are counted), or
   * empty when there are none.
   */
  public static Optional<String> paragraph(List<DomainWarning> warnings, int max) {
    if (warnings.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder("Model range: ");
    boolean linear = warnings.stream().anyMatch(w -> w.kind() != DomainWarning.Kind.SLOW_CONVERGENCE);
    boolean slow = warnings.stream().anyMatch(w -> w.kind() == DomainWarning.Kind.SLOW_CONVERGENCE);
    if (linear) {
      b.append(LINEAR_ADVICE).append(". ");
    }
    if (slow) {
      String note = CES_NOTE.substring(0, 1).toUpperCase(Locale.ROOT) + CES_NOTE.substring(1);
      b.append(linear ? note : CES_NOTE).append(". ");
    }
    b.append("Where: ");
    for (int i = 0; i < Math.min(max, warnings.size()); i++) {
      DomainWarning w = warnings.get(i);
      b.append(i == 0 ? "" : "; ").append(w.scenario()).append(", regime ").append(w.regime()).append(", sector ")
          .append(w.sector()).append(": ").append(problem(w.kind())).append(" in ")
          .append(NumberText.fixed(w.trials(), 0)).append(" of ").append(NumberText.fixed(w.ofTrials(), 0))
          .append(" trials");
    }
    if (warnings.size() > max) {
      b.append("; and ").append(warnings.size() - max).append(" more (Assumptions sheet)");
    }
    return Optional.of(b.append('.').toString());
  }
}
