package org.tariffcast.model.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tariffcast.model.distribution.Parameter;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ParameterLabel;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.TargetDescription;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.Target;
import org.tariffcast.model.scenario.Scenario;

/**
 * Builds a study's {@link StudyDescription}: labels for parameters that have none in
 * {@code parameters.yml} (from the names the loader gives: {@code Es.ELEC.US},
 * {@code dynamics.half_life}, ...), and every target's rule in words.
 */
final class Descriptions {
  /** What results call the baseline and the outlook. */
  static final String BASELINE_TEXT = "No change: base-year tariffs throughout";
  static final String OUTLOOK_TEXT =
      "Probability mixture of the scenarios (each trial takes one scenario with its probability)";
  private static final Pattern ELASTICITY = Pattern.compile("(Em|EsSR|Es|Ex)\\.([A-Z0-9_]+)\\.([A-Z0-9_]+)");
  private static final Pattern CAPACITY = Pattern.compile("capacity\\.([A-Z0-9_]+)\\.([A-Z0-9_]+)");
  private static final Pattern COMMITMENT = Pattern.compile("commitment\\[(.+)]\\.(fulfilment|ramp_quarters|displacement)");
  private static final Pattern EFFECTIVE = Pattern.compile("scenario\\[(.+)]\\.regime\\[(.+)]\\.effective");
  private static final Pattern RULE = Pattern.compile("scenario\\[(.+)]\\.regime\\[(.+)]\\.rule\\[(\\d+)]\\.([a-z_]+)");

  private Descriptions() {}

  static StudyDescription of(ModelConfig c, List<Indicator> headlines) {
    List<ScenarioInfo> scenarios = new ArrayList<>();
    for (Scenario s : c.scenarios()) {
      scenarios.add(new ScenarioInfo(s.name(), s.probability(), s.description()));
    }
    scenarios.add(new ScenarioInfo(Scenario.BASELINE, 0, BASELINE_TEXT));
    scenarios.add(new ScenarioInfo(Scenario.OUTLOOK, 1, OUTLOOK_TEXT));
    List<ParameterLabel> parameters = new ArrayList<>();
    for (Parameter p : c.uncertainParameters()) {
      parameters.add(ParameterLabel.of(p.name(), label(c, p.name()), p.distribution().spec()));
    }
    List<TargetDescription> targets = new ArrayList<>();
    for (Target t : c.targets()) {
      targets.add(TargetDescription.of(t, words(c, t)));
    }
    return new StudyDescription(c.name(), c.title(), c.home(), c.partner(), c.perspective(), c.baseYear(),
        c.regions(), c.sectors(), scenarios, parameters, targets, headlines, c.benchmarks());
  }

  /** The label from parameters.yml, else words made from the name the loader gave. */
  static String label(ModelConfig c, String name) {
    String given = c.parameterLabels().get(name);
    if (given != null) {
      return given;
    }
    Matcher m = ELASTICITY.matcher(name);
    if (m.matches()) {
      String kind = switch (m.group(1)) {
        case "Em" -> "Import demand elasticity";
        case "Es" -> "Substitution elasticity";
        case "EsSR" -> "Short-run substitution elasticity";
        default -> "Export supply elasticity";
      };
      return kind + ", " + sector(c, m.group(2)) + ", " + region(c, m.group(3));
    }
    if (name.equals("dynamics.half_life")) {
      return "Adjustment half-life of trade flows (quarters)";
    }
    if (name.equals("dynamics.convergence")) {
      return "Quarters until the long-run substitution elasticity is reached";
    }
    if (name.equals("dynamics.front_loading_share")) {
      return "Share of imports pulled forward before a tariff increase";
    }
    m = CAPACITY.matcher(name);
    if (m.matches()) {
      return "Export capacity trend of " + region(c, m.group(2)) + ", " + sector(c, m.group(1))
          + " (log growth per quarter)";
    }
    m = COMMITMENT.matcher(name);
    if (m.matches()) {
      return switch (m.group(2)) {
        case "fulfilment" -> "Fulfilment of the purchase commitment " + m.group(1);
        case "ramp_quarters" -> "Ramp-up of the purchase commitment " + m.group(1) + " (quarters)";
        default -> "Displacement of other imports by the purchase commitment " + m.group(1);
      };
    }
    m = EFFECTIVE.matcher(name);
    if (m.matches()) {
      return "Date \"" + m.group(2) + "\" takes effect (" + m.group(1) + ")";
    }
    m = RULE.matcher(name);
    if (m.matches()) {
      String what = m.group(4).replace('_', ' ');
      return Character.toUpperCase(what.charAt(0)) + what.substring(1) + ", rule " + m.group(3) + " of \""
          + m.group(2) + "\" (" + m.group(1) + ")";
    }
    return name;
  }

  private static String region(ModelConfig c, String code) {
    return c.regions().stream().filter(r -> r.code().equals(code)).map(r -> r.name()).findFirst().orElse(code);
  }

  private static String sector(ModelConfig c, String code) {
    return c.sectors().stream().filter(s -> s.code().equals(code)).map(s -> s.name()).findFirst().orElse(code);
  }

  /** Home's balance with partner in the base year (USD per year): its sign names a deficit or a surplus. */
  static double baseYearBalance(ModelConfig c) {
    double sum = 0;
    for (String s : c.sectorCodes()) {
      sum += c.flows().get(s).flow(c.home(), c.partner()) - c.flows().get(s).flow(c.partner(), c.home());
    }
    return sum;
  }

  /**
   * The target in words, e.g. "US deficit with Vietnam shrinks by at least 20 % in the final
   * year vs baseline" or "US tariff revenue on goods from Vietnam exceeds USD 30 bn in the
   * final year".
   */
  static String words(ModelConfig c, Target t) {
    String home = short_(region(c, c.home()));
    String partner = short_(region(c, c.partner()));
    boolean deficit = false;
    String subject;
    boolean plural;
    switch (t.metric()) {
      case IMPORTS_FROM_PARTNER -> {
        subject = home + " imports from " + partner;
        plural = true;
      }
      case EXPORTS_TO_PARTNER -> {
        subject = home + " exports to " + partner;
        plural = true;
      }
      case BILATERAL_BALANCE -> {
        deficit = t.measure().isFraction() && baseYearBalance(c) < 0;
        subject = home + (deficit ? " deficit with " : " balance with ") + partner;
        plural = false;
      }
      case TARIFF_REVENUE -> {
        subject = home + " tariff revenue on goods from " + partner;
        plural = false;
      }
      case PARTNER_EXPORTS -> {
        subject = partner + "'s exports to the world";
        plural = true;
      }
      case HOME_IMPORTS_BY_SOURCE -> {
        subject = home + " imports from " + short_(region(c, t.breakdown()));
        plural = true;
      }
      default -> {
        subject = "Net welfare of " + short_(region(c, t.breakdown()));
        plural = false;
      }
    }
    boolean bySector = !t.breakdown().equals("total") && t.metric() != Metric.HOME_IMPORTS_BY_SOURCE
        && t.metric() != Metric.WELFARE;
    if (bySector) {
      subject += " (" + sector(c, t.breakdown()) + ")";
    }
    String window = t.window() == Window.FINAL_YEAR ? "in the final year" : "over the whole horizon";
    String verb = switch (t.measure()) {
      case LEVEL -> level(t, plural);
      case CHANGE_VS_BASELINE -> change(t, plural, false, usd(Math.abs(t.threshold()))) + " " + window
          + " vs baseline";
      case PCT_CHANGE_VS_BASELINE -> change(t, plural, deficit, pct(Math.abs(t.threshold()))) + " " + window
          + " vs baseline";
      case PCT_CHANGE_VS_BASE_YEAR -> change(t, plural, deficit, pct(Math.abs(t.threshold()))) + " " + window
          + " vs " + c.baseYear();
    };
    if (t.measure() == Measure.LEVEL) {
      verb += " " + window;
    }
    return subject + " " + verb;
  }

  /** A region's name in running text: without a parenthesised list, e.g. "Other ASEAN". */
  private static String short_(String name) {
    int i = name.indexOf(" (");
    return i > 0 ? name.substring(0, i) : name;
  }

  private static String level(Target t, boolean plural) {
    String amount = usd(t.threshold());
    return switch (t.comparison()) {
      case GT -> (plural ? "exceed " : "exceeds ") + amount;
      case GE -> (plural ? "are at least " : "is at least ") + amount;
      case LT -> (plural ? "are below " : "is below ") + amount;
      case LE -> (plural ? "are at most " : "is at most ") + amount;
    };
  }

  /**
   * A change against a reference, e.g. "falls by more than 19 %". For a deficit, a rise of
   * the balance is the deficit shrinking.
   */
  private static String change(Target t, boolean plural, boolean deficit, String amount) {
    double x = t.threshold();
    String up = deficit ? (plural ? "shrink" : "shrinks") : (plural ? "rise" : "rises");
    String down = deficit ? (plural ? "grow" : "grows") : (plural ? "fall" : "falls");
    if (x == 0) {
      return switch (t.comparison()) {
        case GT -> up;
        case GE -> (plural ? "do not " : "does not ") + (deficit ? "grow" : "fall");
        case LT -> down;
        case LE -> (plural ? "do not " : "does not ") + (deficit ? "shrink" : "rise");
      };
    }
    boolean upward = x > 0;
    String direction = upward ? up : down;
    return switch (t.comparison()) {
      case GT -> upward ? direction + " by more than " + amount : direction + " by less than " + amount + " or " + up;
      case GE -> upward ? direction + " by at least " + amount : direction + " by at most " + amount + " or " + up;
      case LT -> upward ? up + " by less than " + amount + " or " + down : direction + " by more than " + amount;
      case LE -> upward ? up + " by at most " + amount + " or " + down : direction + " by at least " + amount;
    };
  }

  /** A fraction as a percentage, e.g. 0.2 -> "20 %", 0.125 -> "12.5 %". */
  static String pct(double fraction) {
    return BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString() + " %";
  }

  /** USD in words, e.g. 3e10 -> "USD 30 bn", 2.5e8 -> "USD 250 mn". */
  static String usd(double value) {
    double a = Math.abs(value);
    String sign = value < 0 ? "-" : "";
    if (a >= 1e9) {
      return "USD " + sign + round(a / 1e9) + " bn";
    }
    if (a >= 1e6) {
      return "USD " + sign + round(a / 1e6) + " mn";
    }
    return "USD " + sign + round(a);
  }

  private static String round(double x) {
    return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
