package org.tariffcast.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.Window;

/** The run page's headline table takes its columns from the study's headline list, as the workbook's Summary does. */
class RunPageModelTest {
  @Test
  void theColumnsAreTheStudysHeadlineMetricsInItsOrder() {
    // a study whose headline list puts the balance first, names the importer's welfare (a region
    // breakdown: not a headline-table column), and leaves out tariff revenue and partner exports
    List<Indicator> study = List.of(
        Indicator.of(Metric.BILATERAL_BALANCE, "total", Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
        Indicator.of(Metric.WELFARE, "US", Window.HORIZON, Measure.LEVEL),
        Indicator.of(Metric.IMPORTS_FROM_PARTNER, "total", Window.FINAL_YEAR, Measure.CHANGE_VS_BASELINE),
        Indicator.of(Metric.BILATERAL_BALANCE, "total", Window.HORIZON, Measure.CHANGE_VS_BASELINE));
    List<Metric> metrics = RunPageModel.metrics(StudyDescription.headlineMetrics(study));
    assertThat(metrics).containsExactly(Metric.BILATERAL_BALANCE, Metric.IMPORTS_FROM_PARTNER);

    // stored final-year statistics of all five totals (USD; fractions for the change)
    List<ConsoleRepository.Headline> stored = List.of(
        new ConsoleRepository.Headline("Deal", "imports_from_partner", "level", 9e9, 10e9, 11e9),
        new ConsoleRepository.Headline("Deal", "exports_to_partner", "level", 1e9, 2e9, 3e9),
        new ConsoleRepository.Headline("Deal", "bilateral_balance", "level", -9e9, -8e9, -7e9),
        new ConsoleRepository.Headline("Deal", "bilateral_balance", "pct_change_vs_baseline", -0.3, -0.2, -0.1),
        new ConsoleRepository.Headline("Deal", "tariff_revenue", "level", 1e9, 1e9, 1e9),
        new ConsoleRepository.Headline("Deal", "partner_exports", "level", 5e9, 5e9, 5e9));
    RunPageModel.Table table = RunPageModel.table(stored, metrics, List.of("Deal"), "US", "Vietnam");

    assertThat(table.columns()).containsExactly("US trade balance with Vietnam", "US imports from Vietnam");
    assertThat(table.rows()).singleElement().satisfies(r -> {
      assertThat(r.scenario()).isEqualTo("Deal");
      assertThat(r.cells()).extracting(RunPageModel.Cell::level).containsExactly("USD -8.0 bn", "USD 10.0 bn");
      assertThat(r.cells().get(0).change()).isEqualTo("−20.0 %");
    });
  }

  @Test
  void aRunStoredBeforeHeadlineListsKeepsTheFiveTotals() {
    assertThat(RunPageModel.metrics(List.of())).containsExactly(Metric.IMPORTS_FROM_PARTNER,
        Metric.EXPORTS_TO_PARTNER, Metric.BILATERAL_BALANCE, Metric.TARIFF_REVENUE, Metric.PARTNER_EXPORTS);
  }
}
