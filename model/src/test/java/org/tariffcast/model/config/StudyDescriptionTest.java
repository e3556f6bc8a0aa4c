package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.ParameterLabel;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.TargetDescription;
import org.tariffcast.model.result.Window;

/**
 * The description of the default study: names from study.yml, labels from parameters.yml (or
 * words made from the loader's names), and every target in words, written here by hand from
 * the target's definition in study.yml.
 */
class StudyDescriptionTest {
  static final Path DEFAULT = Path.of("..", "config", "us-vietnam-2025");
  static final List<Indicator> HEADLINES = List.of(
      Indicator.of(Metric.IMPORTS_FROM_PARTNER, KpiKey.TOTAL, Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE));

  @Test
  void theDefaultStudyDescribesItselfInWords() {
    StudyDescription d = ConfigLoader.load(DEFAULT).description(HEADLINES);

    assertThat(d.home()).isEqualTo("US");
    assertThat(d.partner()).isEqualTo("VN");
    assertThat(d.perspective()).isEqualTo("VN"); // study.yml: written for Vietnam's negotiators, not the home region's
    assertThat(d.regionName("VN")).isEqualTo("Vietnam");
    assertThat(d.sectorName("FOOTWEAR")).isEqualTo("Footwear");
    assertThat(d.scenarios()).extracting(s -> s.name()).containsExactly("No deal", "Baseline 10%", "Framework",
        "Zero-for-zero", "Mutually low", "Baseline", "Outlook");
    assertThat(d.headlines()).isEqualTo(HEADLINES);
    assertThat(d.targets()).extracting(TargetDescription::words).containsExactly(
        "United States deficit with Vietnam shrinks by at least 20 % in the final year vs baseline",
        "United States imports from Vietnam fall by more than 19 % in the final year vs baseline",
        "United States tariff revenue on goods from Vietnam exceeds USD 30 bn in the final year",
        "United States imports from Vietnam rise in the final year vs 2024");
    assertThat(d.targets()).extracting(TargetDescription::rule).containsExactly(
        "bilateral_balance/total/final_year/pct_change_vs_baseline >= 0.2",
        "imports_from_partner/total/final_year/pct_change_vs_baseline < -0.19",
        "tariff_revenue/total/final_year/level > 30000000000",
        "imports_from_partner/total/final_year/pct_change_vs_base_year > 0");
  }

  @Test
  void everyUncertainParameterHasALabel() {
    ModelConfig c = ConfigLoader.load(DEFAULT);
    StudyDescription d = c.description(HEADLINES);

    assertThat(d.parameters()).extracting(ParameterLabel::key)
        .containsExactlyElementsOf(c.uncertainParameters().stream().map(p -> p.name()).toList());
    assertThat(d.parameters()).allSatisfy(p -> assertThat(p.label()).isNotEqualTo(p.key()));
    assertThat(d.parameterLabel("es_ELEC")).isEqualTo("Substitution elasticity, electronics");
    assertThat(d.parameterLabel("reciprocal_date")).isEqualTo("Quarter the US reciprocal rates take effect");
    assertThat(d.parameterLabel("dynamics.half_life")).isEqualTo("Adjustment half-life of trade flows (quarters)");
    assertThat(d.parameters()).filteredOn(p -> p.key().equals("es_ELEC")).singleElement()
        .extracting(ParameterLabel::distribution).isEqualTo(c.allParameters().get("es_ELEC").distribution().spec());
  }

  @Test
  void wordsForLoaderNamedParametersAndChanges() {
    ModelConfig c = ConfigLoader.load(ExampleStudyTest.GSIM);
    assertThat(Descriptions.label(c, "Es.IND.JP")).isEqualTo("Substitution elasticity, The example industry, Japan");
    assertThat(Descriptions.label(c, "capacity.IND.EU"))
        .isEqualTo("Export capacity trend of European Union, The example industry (log growth per quarter)");
    assertThat(Descriptions.label(c, "scenario[FTA].regime[In force].rule[2].ad_valorem"))
        .isEqualTo("Ad valorem, rule 2 of \"In force\" (FTA)");
    assertThat(Descriptions.pct(0.125)).isEqualTo("12.5 %");
    assertThat(Descriptions.usd(2.5e8)).isEqualTo("USD 250 mn");
    assertThat(Descriptions.usd(-1.25e9)).isEqualTo("USD -1.25 bn");
  }

  @Test
  void aLabelMustBeWords() {
    Map<String, String> files = new java.util.LinkedHashMap<>(ConfigLoader.load(ExampleStudyTest.GSIM).snapshot()
        .files());
    files.put("parameters.yml", files.get("parameters.yml").replace("parameters: {}",
        "parameters:\n  x:\n    value: 1\n    label: \"\"\n  y: {value: 2, label: Two, unit: none}"));
    assertThat(ConfigLoader.validate(ConfigSnapshot.of(files)).stream().map(ConfigProblem::message)).containsExactly(
        "parameters.yml:6:12: parameters.x.label: expected a label in plain words, such as \"Substitution elasticity, "
            + "electronics\", found ''",
        "parameters.yml:7:29: parameters.y.unit: expected one of the keys [label, value], found unknown key 'unit'");
  }
}
