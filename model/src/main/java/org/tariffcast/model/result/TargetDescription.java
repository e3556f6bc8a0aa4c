package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.math.BigDecimal;
import org.tariffcast.model.run.Target;

/**
 * A target and what it means in words, e.g. "US deficit with Vietnam shrinks by at least 20 %
 * in the final year vs baseline" for {@code bilateral_balance/total/final_year/
 * pct_change_vs_baseline >= 0.2}.
 *
 * @param target the target as configured
 * @param words its definition in plain words
 */
public record TargetDescription(Target target, String words) {
  public TargetDescription {
    notNull(target, "target");
    notBlank(words, "words of target " + target.name());
  }

  public static TargetDescription of(Target target, String words) {
    return new TargetDescription(target, words);
  }

  public String name() {
    return target.name();
  }

  /**
   * The rule as configured, e.g. {@code bilateral_balance/total/final_year/pct_change_vs_baseline >= 0.2}
   * (threshold in USD, or a fraction for pct measures).
   */
  public String rule() {
    return target.metric().label() + "/" + target.breakdown() + "/" + target.window().label() + "/"
        + target.measure().label() + " " + target.comparison().symbol() + " "
        + BigDecimal.valueOf(target.threshold()).stripTrailingZeros().toPlainString();
  }
}
