package org.tariffcast.model.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tariffcast.model.time.YearQuarter;

/** Every kind of distribution: its central value as documented, its text round trip, closed-form quantiles. */
class DistributionTest {

  /** Text as a modeler writes it, and the central value worked out by hand from the definition. */
  static Stream<Arguments> centralValues() {
    return Stream.of(
        Arguments.of("5", 5.0),
        Arguments.of("46%", 0.46),
        Arguments.of("inf", Double.POSITIVE_INFINITY),
        Arguments.of("fixed(-1.25)", -1.25),
        Arguments.of("normal(5, 1)", 5.0),
        Arguments.of("truncnormal(5, 2, 6, 10)", 6.0),          // mean below min: clipped to min
        Arguments.of("truncnormal(-1.1, 0.3, -3, -0.1)", -1.1),
        Arguments.of("lognormal(0.6931471805599453, 0.5)", 2.0), // median exp(ln 2)
        Arguments.of("uniform(-1.5, -0.5)", -1.0),
        Arguments.of("triangular(5, 8.8, 12)", 8.8),
        Arguments.of("beta(4, 2)", 4.0 / 6.0),
        Arguments.of("beta(1, 3, 10, 20)", 12.5),                 // 10 + 10 * 1/4
        Arguments.of("discrete(2025Q3: 0.6, 2025Q4: 0.4)", 2025 * 4 + 2.0),
        Arguments.of("discrete(1: 0.25, 2: 0.5, 3: 0.25)", 2.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("centralValues")
  void centralValueAndTextRoundTrip(String text, double central) {
    Distribution d = DistributionParser.parse(text);

    assertThat(d.central()).isCloseTo(central, within(1e-12));
    Distribution again = DistributionParser.parse(d.spec());
    assertThat(again).isEqualTo(d);
    assertThat(again.central()).isEqualTo(d.central());
  }

  @Test
  void quantilesMatchClosedForms() {
    // normal: mean + z_0.975 sd, z_0.975 = 1.959963984540054 (standard table)
    assertThat(Normal.of(5, 2).quantile(0.975)).isCloseTo(5 + 2 * 1.959963984540054, within(1e-9));
    // uniform: linear
    assertThat(Uniform.of(-1.5, -0.5).quantile(0.25)).isCloseTo(-1.25, within(1e-15));
    // triangular: the CDF at the mode is (mode - min) / (max - min)
    Triangular t = Triangular.of(5, 8.8, 12);
    assertThat(t.quantile((8.8 - 5) / 7)).isCloseTo(8.8, within(1e-12));
    // triangular: F(x) = (x-min)^2 / ((max-min)(mode-min)) below the mode; x = 6 gives 1/26.6
    assertThat(t.quantile(1.0 / (7 * 3.8))).isCloseTo(6.0, within(1e-12));
    // lognormal: exp(mu + sigma z)
    assertThat(LogNormal.of(0, 0.5).quantile(0.975)).isCloseTo(Math.exp(0.5 * 1.959963984540054), within(1e-9));
    // beta(2, 2) is symmetric: median 0.5; beta(1, 1) is uniform
    assertThat(BetaDist.of(2, 2).quantile(0.5)).isCloseTo(0.5, within(1e-9));
    assertThat(BetaDist.of(1, 1, 10, 20).quantile(0.3)).isCloseTo(13.0, within(1e-8));
    // truncated normal on [0, inf) of N(0, 1): the half-normal, median z_0.75 = 0.6744897501960817
    assertThat(TruncatedNormal.of(0, 1, 0, Double.POSITIVE_INFINITY).quantile(0.5))
        .isCloseTo(0.6744897501960817, within(1e-9));
    // discrete: the step function
    Discrete q = (Discrete) DistributionParser.parse("discrete(2025Q3: 0.6, 2025Q4: 0.4)");
    assertThat(q.quantile(0.59)).isEqualTo(YearQuarter.of(2025, 3).ordinal());
    assertThat(q.quantile(0.61)).isEqualTo(YearQuarter.of(2025, 4).ordinal());
  }

  @Test
  void boundsStateTheSupport() {
    assertThat(DistributionParser.parse("triangular(-2, -1, -0.5)").upperBound()).isEqualTo(-0.5);
    assertThat(DistributionParser.parse("lognormal(0, 1)").lowerBound()).isZero();
    assertThat(DistributionParser.parse("normal(0, 1)").lowerBound()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(DistributionParser.parse("3").isDegenerate()).isTrue();
    assertThat(DistributionParser.parse("uniform(0, 1)").isDegenerate()).isFalse();
  }

  @Test
  void syntaxErrorsSayWhatWasExpectedAndFound() {
    assertThatThrownBy(() -> DistributionParser.parse("triangular(1, 2)"))
        .isInstanceOf(DistributionParser.SyntaxException.class)
        .hasMessage("expected 3 arguments in triangular(...), found 2 in 'triangular(1, 2)'");
    assertThatThrownBy(() -> DistributionParser.parse("gamma(1, 2)"))
        .hasMessageStartingWith("expected a number or one of fixed(v)")
        .hasMessageEndingWith("found 'gamma(1, 2)'");
    assertThatThrownBy(() -> DistributionParser.parse("uniform(2, 1)"))
        .hasMessage("expected a valid uniform distribution (uniform min must be < max, found min 2.0 and max 1.0), "
            + "found 'uniform(2, 1)'");
    assertThatThrownBy(() -> DistributionParser.parse("discrete(1: 0.5, 2: 0.4)"))
        .hasMessageContaining("discrete probabilities must sum to 1, found 0.9");
    assertThatThrownBy(() -> DistributionParser.parse("normal(1, two)"))
        .hasMessage("expected a number (e.g. 0.46 or 46%; inf; a quarter such as 2025Q3 for a date), found 'two' in 'normal(1, two)'");
    assertThatThrownBy(() -> DistributionParser.parse("uniform(0, 1e400)"))
        .hasMessage("expected a number within +-1.7e308 (write inf for infinity), found '1e400' in 'uniform(0, 1e400)'");
  }

  @Test
  void quantileRejectsProbabilitiesOutsideTheOpenInterval() {
    assertThatThrownBy(() -> Uniform.of(0, 1).quantile(1.0))
        .hasMessage("probability p must be in (0, 1), found 1.0");
  }
}
