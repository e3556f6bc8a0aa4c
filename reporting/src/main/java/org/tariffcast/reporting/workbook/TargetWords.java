package org.tariffcast.reporting.workbook;

import java.util.Locale;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.reporting.text.Labels;
import org.tariffcast.reporting.text.NumberText;

/**
 * A target's configured definition ({@code bilateral_balance/total/final_year/pct_change_vs_baseline >= 0.2})
 * in words: "US trade balance with Vietnam, final year: % change vs baseline at least +20 %". A
 * definition it cannot read comes back as it is.
 */
final class TargetWords {
  private TargetWords() {}

  static String of(String definition, Labels labels) {
    String[] words = definition.trim().split("\\s+");
    String[] parts = words.length == 3 ? words[0].split("/") : new String[0];
    if (parts.length != 4) {
      return definition;
    }
    try {
      Metric metric = Metric.valueOf(parts[0].toUpperCase(Locale.ROOT));
      String breakdown = parts[1];
      Measure measure = Measure.valueOf(parts[3].toUpperCase(Locale.ROOT));
      double threshold = Double.parseDouble(words[2]);
      String what = labels.metric(metric) + (breakdown.equals(KpiKey.TOTAL) ? "" : " (" + labels.breakdown(breakdown) + ")");
      String when = parts[2].equals("final_year") ? " " + labels.inFinalYear()
          : parts[2].equals("horizon") ? " over " + labels.horizon() : " (" + parts[2] + ")";
      String how = switch (measure) {
        case LEVEL -> "";
        case CHANGE_VS_BASELINE -> ", change against baseline,";
        case PCT_CHANGE_VS_BASELINE -> ", change against baseline,";
        case PCT_CHANGE_VS_BASE_YEAR -> ", change against the base year,";
      };
      String value = measure.isFraction() ? NumberText.signedPercent(threshold) : NumberText.usdBn(threshold);
      String cmp = switch (words[1]) {
        case ">=" -> "at least";
        case ">" -> "above";
        case "<=" -> "at most";
        case "<" -> "below";
        default -> words[1];
      };
      return what + when + how + " " + cmp + " " + value;
    } catch (IllegalArgumentException e) {
      return definition;
    }
  }
}
