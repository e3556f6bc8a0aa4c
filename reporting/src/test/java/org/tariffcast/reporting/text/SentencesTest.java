package org.tariffcast.reporting.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.model.time.Horizon;
import org.tariffcast.model.time.YearQuarter;
import org.tariffcast.reporting.SmallRun;
import org.tariffcast.reporting.content.ReportData;

class SentencesTest {
  @Test
  void belowAboveStraddlingAndUnchanged() {
    assertThat(Sentences.versusBaseline(-0.31, -0.40, -0.22)).isEqualTo("31 % below baseline (90 % interval 22–40 %)");
    assertThat(Sentences.versusBaseline(0.25, 0.18, 0.32)).isEqualTo("25 % above baseline (90 % interval 18–32 %)");
    assertThat(Sentences.versusBaseline(-0.14, -0.20, -0.08))
        .isEqualTo("14.0 % below baseline (90 % interval 8.0–20.0 %)");
    assertThat(Sentences.versusBaseline(0.02, -0.01, 0.05))
        .isEqualTo("2.0 % above baseline (90 % interval from 1.0 % below to 5.0 % above)");
    assertThat(Sentences.versusBaseline(0.0002, -0.01, 0.012))
        .isEqualTo("about the same as baseline (90 % interval from 1.0 % below to 1.2 % above)");
  }

  @Test
  void theOutlookIsNamedForWhatItIs() {
    ReportData data = ReportData.of(SmallRun.result());
    String s = new Sentences(data, new Labels(data)).headline("Outlook");
    assertThat(s).startsWith("Weighing the scenarios by their probabilities, US imports from Vietnam in 2027 are "
        + "15.0 % below baseline (90 % interval from 36.0 % below to 3.0 % above), and the US trade balance with "
        + "Vietnam is a deficit of USD 113.5 bn (baseline: a deficit of USD 136.0 bn).");
  }

  @Test
  void aFinalYearAcrossTwoCalendarYearsIsNamedInCalendarWords() {
    RunResult r = SmallRun.result();
    RunInfo i = r.info();
    RunInfo shifted = new RunInfo(i.runId(), i.study(), i.title(), i.home(), i.partner(), i.configSha256(), i.seed(),
        i.trials(), i.sampling(), i.solver(), Horizon.of(YearQuarter.of(2025, 2), 8), i.baseYear(), i.startedAt(),
        i.finishedAt(), i.versions());
    ReportData data = ReportData.of(new RunResult(shifted, r.scenarios(), r.kpis(), List.of(), r.targets(),
        r.sensitivity(), r.convergence(), r.centralCase(), r.sources(), r.config(), r.description()));
    Labels labels = new Labels(data);
    // 2025Q2 + 8 quarters ends with 2027Q1: the final year runs April 2026 to March 2027
    assertThat(labels.finalYear()).isEqualTo("year to March 2027");
    assertThat(labels.inFinalYear()).isEqualTo("in the year to March 2027");
    assertThat(labels.horizon()).isEqualTo("April 2025 to March 2027");
    assertThat(new Sentences(data, labels).headline(SmallRun.NO_DEAL))
        .startsWith("Under No deal (46%), US imports from Vietnam in the year to March 2027 are 31 % below");
  }

  @Test
  void aScenarioWithoutTheKpiSaysSo() {
    RunResult r = SmallRun.result();
    ReportData data = ReportData.of(new RunResult(r.info(), r.scenarios(), List.of(), List.of(), List.of(), List.of(),
        List.of(), r.centralCase(), r.sources(), r.config(), r.description()));
    assertThat(new Sentences(data, new Labels(data)).headline(SmallRun.FRAMEWORK))
        .isEqualTo("Under Framework 20/40, the run has no final-year estimate of the change in US imports from Vietnam.");
  }

  @Test
  void numbersDoNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(NumberText.usdBn(136.6e9)).isEqualTo("USD 136.6 bn");
      assertThat(NumberText.fixed(1234567.891, 2)).isEqualTo("1,234,567.89");
      assertThat(NumberText.signedPercent(0.312)).isEqualTo("+31 %");
      assertThat(NumberText.signedPercent(-0.05)).isEqualTo("-5.0 %");
      assertThat(NumberText.fixed(-0.04, 1)).isEqualTo("0.0");
      assertThat(NumberText.probability(0.366)).isEqualTo("37 %");
      assertThat(NumberText.fixed(Double.NaN, 1)).isEqualTo("n/a");
      assertThat(NumberText.format("#,##0.0").format(-2.25)).isEqualTo("-2.3");
    } finally {
      Locale.setDefault(before);
    }
  }
}
