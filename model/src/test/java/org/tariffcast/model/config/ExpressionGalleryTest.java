package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tariffcast.model.distribution.DistributionParser;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.scenario.PurchaseCommitment;
import org.tariffcast.model.scenario.Regime;
import org.tariffcast.model.scenario.Scenario;
import org.tariffcast.model.scenario.WedgeComponent;
import org.tariffcast.model.time.YearQuarter;

/**
 * The expression grammar of values: a gallery of good expressions with their exact values
 * (worked by hand), bad ones with the exact character and message, and the same through the
 * loader with file, line and column (counted in the texts below).
 */
class ExpressionGalleryTest {
  /** Levers us_rate_vn = 0.2 and purchases_scale = 1.5; fixed parameter exempt_share = 0.35; per-trial vn_transshipment_share. */
  static final Expression.Names NAMES = new Expression.Names() {
    @Override
    public BigDecimal constant(String name) {
      return switch (name) {
        case "us_rate_vn" -> new BigDecimal("0.2");
        case "purchases_scale" -> new BigDecimal("1.5");
        case "exempt_share" -> new BigDecimal("0.35");
        default -> null;
      };
    }

    @Override
    public boolean perTrial(String name) {
      return name.equals("vn_transshipment_share");
    }

    @Override
    public Collection<String> known() {
      return Set.of("us_rate_vn", "purchases_scale", "exempt_share", "vn_transshipment_share");
    }
  };

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "46%                           | 0.46",
      "0.65                          | 0.65",
      "us_rate_vn * 0.65             | 0.13",
      "us_rate_vn × 0.65             | 0.13",
      "20% * 0.65                    | 0.13",
      "700 * purchases_scale         | 1050",
      "us_rate_vn * (1 - exempt_share) | 0.13",
      "1 - 2 - 3                     | -4",
      "12 / 4 / 3                    | 1",
      "2 * 3 + 4 * 5                 | 26",
      "2 * (3 + 4) * 5               | 70",
      "-(1 + 2) * 3                  | -9",
      "--5                           | 5",
      "2 − 0.5                       | 1.5",
      "9 ÷ 4                         | 2.25",
      "1.5e2 / 6%                    | 2500",
      "(us_rate_vn - 5%) / 3         | 0.05",
  })
  void goodExpressionsHaveTheirExactValue(String text, String value) throws Expression.Failure {
    double got = Expression.evaluate(text, NAMES, false).doubleValue();
    assertThat(got).isEqualTo(Double.parseDouble(value));
  }

  @Test
  void aPercentageTimesAShareIsBitIdenticalToTheRateWrittenOut() throws Expression.Failure {
    // the default study writes 20 % on ELEC's non-exempt 0.65 as us_rate_vn * 0.65: the same double as 13%
    assertThat(Expression.evaluate("us_rate_vn * 0.65", NAMES, false).doubleValue())
        .isEqualTo(DistributionParser.parse("13%").central());
    assertThat(Expression.evaluate("46% * 0.65", NAMES, false).doubleValue())
        .isEqualTo(DistributionParser.parse("29.9%").central());
    // 1/3 in 34 decimal digits, rounded once: the double nearest one third
    assertThat(Expression.evaluate("1 / 3", NAMES, false).doubleValue()).isEqualTo(1.0 / 3.0);
  }

  @Test
  void datesAddQuarters() throws Expression.Failure {
    assertThat(Expression.evaluate("2025Q3 + 2", NAMES, true).intValue()).isEqualTo(YearQuarter.of(2026, 1).ordinal());
    assertThat(Expression.evaluate("2026Q1 - 2025Q3", NAMES, true).intValue()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "us_rte_vn * 0.65 | 0 | a known lever or parameter | 'us_rte_vn' (did you mean us_rate_vn?)",
      "700 * purchase_scale | 6 | a known lever or parameter | 'purchase_scale' (did you mean purchases_scale?)",
      "0.65 * tariff | 7 | a known lever or parameter | 'tariff'",
      "1 / (us_rate_vn - 0.2) | 2 | a divisor other than 0 | '(us_rate_vn - 0.2)' = 0",
      "us_rate_vn / 0% | 11 | a divisor other than 0 | '0%' = 0",
      "us_rate_vn * | 12 | a number, a lever or parameter name, '-' or '(' | the end of the expression",
      "(1 + 2 | 6 | ')' closing the '(' at character 1 | the end of the expression",
      "2 3 | 2 | an operator (+, -, *, /) or the end of the expression | '3'",
      "2 * vn_transshipment_share | 4 | a lever or a fixed parameter (a parameter that varies per trial may only stand alone) | 'vn_transshipment_share'",
      "us_rate_vn * 2025Q1 | 13 | a number (a quarter is a date, and this is not a date field) | '2025Q1'",
      "3 $ 4 | 2 | an operator (+, -, *, /) or the end of the expression | '$ 4'",
  })
  void badExpressionsNameTheCharacterAndTheProblem(String text, int offset, String expected, String found) {
    Expression.Failure e = catchThrowableOfType(Expression.Failure.class,
        () -> Expression.evaluate(text, NAMES, false));
    assertThat(e).isNotNull();
    assertThat(List.of(e.offset, e.expected, e.found)).containsExactly(offset, expected, found);
  }

  static final String LEVERS = """
      levers:
        - {key: us_rate, label: US rate on EU goods, unit: "% of customs value", default: 20%, min: 0%, max: 46%}
        - {key: purchases_scale, label: Purchases, unit: x pledged, default: 1.5, min: 0, max: 2}
        - {key: delay, label: Delay of entry into force, unit: quarters, default: 2, min: 0, max: 4}
      """;

  static final String GOOD = """
      # Levers and expressions: a purchase scaled by a lever, a date and two rates computed from levers.
      commitments:
        - name: Aircraft
          sector: IND
          exporter: US
          importer: EU
          annual_value_usd_mn: 700 * purchases_scale
          fulfilment: 1
          ramp_quarters: 0
          source: test
      scenarios:
        - name: Deal
          probability: 1
          regimes:
            - name: In force
              effective: 2004Q1 + delay
              rules:
                - {importer: US, exporter: EU, sectors: "*", surcharge: us_rate * 0.65}
                - {importer: EU, exporter: US, sectors: "*", ad_valorem: "(us_rate - 5%) / 3"}
              commitments: [Aircraft]
      """;

  static final String BAD = """
      # Levers and expressions, every mistake at once.
      commitments:
        - name: Aircraft
          sector: IND
          exporter: US
          importer: EU
          annual_value_usd_mn: 700 / (purchases_scale - 1.5)
          fulfilment: 1
          ramp_quarters: 0
          source: test
      scenarios:
        - name: Deal
          probability: 1
          regimes:
            - name: In force
              effective: 2004Q1 + dealy
              rules:
                - {importer: US, exporter: EU, sectors: "*", surcharge: us_rte * 0.65}
                - {importer: EU, exporter: US, sectors: "*", ad_valorem: "-(us_rate * 8)"}
                - {importer: EU, exporter: JP, sectors: "*", ad_valorem: us_rate * 2025Q1}
                - {importer: JP, exporter: US, sectors: "*", ad_valorem: (us_rate + 1}
              commitments: [Aircraft]
      """;

  static Path study(Path tmp, String scenarios, String extraLevers) throws IOException {
    Path dir = tmp.resolve("study");
    Files.createDirectories(dir);
    for (String f : ConfigLoader.FILES) {
      Files.copy(ExampleStudyTest.GSIM.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("study.yml"), Files.readString(dir.resolve("study.yml")) + LEVERS + extraLevers);
    Files.writeString(dir.resolve("scenarios.yml"), scenarios);
    return dir;
  }

  @Test
  void theLoaderEvaluatesExpressionsWithTheLeversDefaults(@TempDir Path tmp) throws IOException {
    ModelConfig c = ConfigLoader.load(study(tmp, GOOD, ""));

    assertThat(c.levers()).extracting(Lever::key).containsExactly("us_rate", "purchases_scale", "delay");
    assertThat(c.lever("us_rate").defaultValue()).isEqualTo(0.2);
    assertThat(c.lever("us_rate").max()).isEqualTo(0.46);
    PurchaseCommitment aircraft = c.commitment("Aircraft");
    assertThat(aircraft.annualValue()).isEqualTo(1.05e9); // 700 x 1.5 USD million
    Regime r = c.scenarios().get(0).regimes().get(0);
    assertThat(r.effective().central()).isEqualTo(YearQuarter.of(2004, 3).ordinal());
    assertThat(r.rules().get(0).changes().get(WedgeComponent.SURCHARGE).central()).isEqualTo(0.13);
    assertThat(r.rules().get(1).changes().get(WedgeComponent.AD_VALOREM).central()).isEqualTo(0.05);
  }

  @Test
  void theLoaderLocatesEveryProblemAtItsCharacter(@TempDir Path tmp) throws IOException {
    Path dir = study(tmp, BAD, "  - {key: late, label: Late, unit: quarters, default: 5, min: 0, max: 4}\n");
    int leverLine = Files.readAllLines(dir.resolve("study.yml")).size(); // the lever added last

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    assertThat(e).isNotNull();
    assertThat(e.lines()).containsExactly(
        "scenarios.yml:7:30: commitments[Aircraft].annual_value_usd_mn: expected a divisor other than 0, "
            + "found '(purchases_scale - 1.5)' = 0",
        "scenarios.yml:16:29: scenarios[Deal].regimes[In force].effective: expected a known lever or parameter, "
            + "found 'dealy' (did you mean delay?)",
        "scenarios.yml:18:67: scenarios[Deal].regimes[In force].rules[1].surcharge: expected a known lever or "
            + "parameter, found 'us_rte' (did you mean us_rate?)",
        "scenarios.yml:19:68: scenarios[Deal].regimes[In force].rules[2].ad_valorem: expected a rate > -1 with a "
            + "finite upper bound, found '-(us_rate * 8)' = -1.6",
        "scenarios.yml:20:68: scenarios[Deal].regimes[In force].rules[3].ad_valorem: expected a rate > -1 with a "
            + "finite upper bound (a quarter such as 2025Q3 is a date, and this is not a date field), "
            + "found 'us_rate * 2025Q1'",
        "scenarios.yml:21:80: scenarios[Deal].regimes[In force].rules[4].ad_valorem: expected ')' closing the '(' "
            + "at character 1, found the end of the expression",
        "study.yml:" + leverLine + ":55: levers[late].default: expected a default within [min, max] = [0, 4], "
            + "found '5'");
  }

  @Test
  void theDefaultStudyWritesItsFrameworkRatesWithLeversAndKeepsTheirValues() {
    ModelConfig c = ConfigLoader.load(Path.of("..", "config", "us-vietnam-2025"));

    assertThat(c.levers()).extracting(Lever::key).containsExactly("us_rate_vn", "us_transship_rate_vn",
        "purchases_scale");
    Scenario framework = c.scenarios().stream().filter(s -> s.name().equals("Framework")).findFirst().orElseThrow();
    Regime rates = framework.regimes().stream().filter(r -> r.name().equals("Framework rates")).findFirst()
        .orElseThrow();
    Map<String, Double> surcharge = new java.util.LinkedHashMap<>();
    for (var rule : rates.rules()) {
      surcharge.put(rule.sectors().get(0), rule.changes().get(WedgeComponent.SURCHARGE).central());
      surcharge.put(rule.sectors().get(0) + "/transshipped",
          rule.changes().get(WedgeComponent.TRANSSHIPMENT_SURCHARGE).central());
    }
    // the rates as the file wrote them before the levers: 20 %, 13 %, 10 %; 40 %, 26 %, 20 %
    assertThat(surcharge).containsExactly(Map.entry("FURN", 0.20), Map.entry("FURN/transshipped", 0.40),
        Map.entry("ELEC", 0.13), Map.entry("ELEC/transshipped", 0.26), Map.entry("MACH", 0.10),
        Map.entry("MACH/transshipped", 0.20));
    // annual values (USD a year) and totals (USD over the deal's period: aircraft 2030Q1-2032Q4, farm MOUs 2025Q3-2028Q2)
    assertThat(c.commitments()).extracting(PurchaseCommitment::annualValue)
        .containsExactly(800e6, 300e6, null, null, 150e6, 150e6);
    assertThat(c.commitments()).extracting(PurchaseCommitment::totalValue)
        .containsExactly(null, null, 8100e6, 2000e6, null, null);
    assertThat(c.commitment("Boeing 737-8 deliveries").start()).isEqualTo(org.tariffcast.model.time.YearQuarter.of(2030, 1));
    assertThat(c.commitment("Boeing 737-8 deliveries").end()).isEqualTo(org.tariffcast.model.time.YearQuarter.of(2032, 4));
    assertThat(c.commitment("Farm goods").end()).isEqualTo(org.tariffcast.model.time.YearQuarter.of(2028, 2));
    assertThat(c.commitment("Farm goods").additionality().name()).isEqualTo("farm_additionality");
  }
}
