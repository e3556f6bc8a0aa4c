package org.tariffcast.reporting.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.model.explore.ExplorePlan;
import org.tariffcast.model.explore.Frontier;
import org.tariffcast.model.explore.GoalSeek;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.LeverAxis;
import org.tariffcast.model.explore.PointKpi;
import org.tariffcast.model.explore.Statistic;
import org.tariffcast.model.explore.Sweeps;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.Percentiles;
import org.tariffcast.model.result.Statistics;
import org.tariffcast.model.result.TargetProbability;
import org.tariffcast.model.result.Window;
import org.tariffcast.model.run.Target;
import org.tariffcast.reporting.charts.ExploreCharts;

/**
 * The explorer's reports on a grid whose answers are known by hand: rate 0-40 % by 10, purchases
 * 0-2 by 0.5; P = min(1, 0.125 + 1.25 rate + 0.25 purchases) (dyadic at the grid values), the
 * balance change median USD (10 rate + 4 purchases) bn.
 */
class ExploreReportTest {
  static final Target TARGET = new Target("Deficit shrinks by 20 %", Metric.BILATERAL_BALANCE, KpiKey.TOTAL,
      Window.FINAL_YEAR, Measure.PCT_CHANGE_VS_BASELINE, Target.Comparison.GE, 0.2);
  static final KpiKey BALANCE = KpiKey.of("Framework", Metric.BILATERAL_BALANCE, KpiKey.TOTAL, Window.FINAL_YEAR,
      Measure.CHANGE_VS_BASELINE);
  static final List<Lever> LEVERS = List.of(
      Lever.of("us_rate_vn", "US rate on Vietnamese goods", "% of customs value", 0.2, 0, 0.46),
      Lever.of("purchases_scale", "US purchases, times the pledged package", "x pledged", 1, 0, 3));

  @TempDir
  Path tmp;

  static Statistics stats(double v) {
    return new Statistics(1000, v, 1e9, 3e7, v - 3e9, v + 3e9,
        new Percentiles(v - 2e9, v - 1.5e9, v - 1e9, v, v + 1e9, v + 1.5e9, v + 2e9), 0);
  }

  static ExploreData data() {
    ExplorePlan plan = new ExplorePlan("Framework", 1000, List.of(
        LeverAxis.of("us_rate_vn", List.of(0.0, 0.1, 0.2, 0.3, 0.4)),
        LeverAxis.of("purchases_scale", List.of(0.0, 0.5, 1.0, 1.5, 2.0))), List.of(BALANCE), List.of(TARGET),
        List.of(new GoalSeek("rate for 0.5", "us_rate_vn", TARGET, null, null, 0.5)),
        new Frontier(TARGET, 0.75, BALANCE, Statistic.MEDIAN, true));
    List<GridPoint> points = new ArrayList<>();
    for (int i = 0; i < plan.points(); i++) {
      Map<String, Double> at = plan.point(i);
      double rate = at.get("us_rate_vn");
      double purchases = at.get("purchases_scale");
      double p = Math.min(1, 0.125 + 1.25 * rate + 0.25 * purchases);
      double balance = (10 * rate + 4 * purchases) * 1e9;
      points.add(new GridPoint(i, at, 1000, List.of(new PointKpi(BALANCE, stats(balance), balance - 1e8,
          balance + 1e8)), List.of(new TargetProbability(TARGET.name(), "Framework", p, Math.max(0, p - 0.03),
          Math.min(1, p + 0.03), 1000))));
    }
    var answer = Sweeps.goalSeek(plan, points, plan.goalSeeks().get(0), Map.of("us_rate_vn", 0.2,
        "purchases_scale", 1.0));
    return new ExploreData(7, "test-study", "United States", "Vietnam", LEVERS, plan, points, List.of(answer),
        Sweeps.frontier(plan, points), "Source: test sweep 7");
  }

  @Test
  void theSentencesSayWhatTheGridGives() {
    List<String> s = ExploreReport.sentences(data());
    // at 20 %: P = 0.375 + 0.25 y reaches 0.75 at y = 1.5
    assertThat(s.get(0)).isEqualTo("To meet 'Deficit shrinks by 20 %' with a probability of at least 75 % at US rate on Vietnamese "
        + "goods of 20 %, US purchases, times the pledged package must be at least 1.5 x pledged (read between grid "
        + "values).");
    // meeting: 5 r + y >= 2.5: 1 + 2 + 3 + 4 = 10 points; cost 10 r + 4 y (bn), lowest at (40 %, 0.5): 6 bn;
    // beyond sampling error (P - 0.03 >= 0.75): the six points with P of 0.875 or 1
    assertThat(s.get(1)).isEqualTo("Of the 10 of 25 combinations that meet it, the one with the lowest median United "
        + "States trade balance with Vietnam, final year, change vs baseline (+6.0 bn USD) is US rate on Vietnamese "
        + "goods at 40 % with US purchases, times the pledged package at 0.5 x pledged; 6 of them meet it beyond sampling "
        + "error (Wilson 95 % lower bound).");
    // purchases at 1: P(r) = 0.375 + 1.25 r = 0.5 at r = 10 %; band -+ 0.03 holds 0.5 for r in [7.6 %, 12.4 %]
    assertThat(s.get(2)).isEqualTo("The probability that 'Deficit shrinks by 20 %' reaches 50 % at US rate on "
        + "Vietnamese goods of 10 % (US purchases, times the pledged package at 1 x pledged); 95 % interval 7.6 % to "
        + "12.4 %.");
  }

  @Test
  void everyFileIsWrittenAndReadsBack() throws Exception {
    ExploreData d = data();
    List<Path> files = ExploreReport.write(tmp, d);
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("explore-map-01.png",
        "explore-map-02.png", "explore-goal-seek-01.png", "explorer-7.xlsx", "explore-brief-7.pdf",
        "explore-summary.json");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(tmp.resolve("explorer-7.xlsx")))) {
      Sheet sh = wb.getSheet("Explorer");
      // the balance table: title row, header row, then rate rows; rate 30 %, purchases 1.5 -> 3 + 6 = 9 bn
      int title = -1;
      for (int r = 0; r <= sh.getLastRowNum(); r++) {
        if (sh.getRow(r) != null && sh.getRow(r).getCell(0) != null
            && sh.getRow(r).getCell(0).getStringCellValue().startsWith("Median: United States trade balance")) {
          title = r;
        }
      }
      assertThat(title).isPositive();
      assertThat(sh.getRow(title + 1).getCell(4).getStringCellValue()).isEqualTo("1.5 x pledged");
      assertThat(sh.getRow(title + 5).getCell(0).getStringCellValue()).isEqualTo("30 %");
      assertThat(sh.getRow(title + 5).getCell(4).getNumericCellValue()).isCloseTo(9.0, within(1e-9));
    }
    try (var pdf = Loader.loadPDF(tmp.resolve("explore-brief-7.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("must be at least 1.5 x pledged");
    }
    String json = Files.readString(tmp.resolve("explore-summary.json"));
    assertThat(json).contains("\"sweep_id\" : 7").contains("\"grid\"").contains("\"frontier\"")
        .contains("\"best\" : " + d.frontier().best());
  }

  @Test
  void marchingSquaresFindTheContourOfAPlane() {
    // z = x + y on the unit square's corners; level 1 crosses the edges at (1, 0) and (0, 1)
    List<double[]> seg = ExploreCharts.contour(new double[] {0, 1}, new double[] {0, 1},
        new double[][] {{0, 1}, {1, 2}}, 1);
    assertThat(seg).hasSize(1);
    // corners (0,0)=0 (1,0)=1 (1,1)=2 (0,1)=1: level 1 is reached at (1,0) on the bottom edge... and (0,1) on the left
    assertThat(seg.get(0)).containsExactly(1, 0, 0, 1);
  }
}
