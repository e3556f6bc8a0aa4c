package org.tariffcast.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextFragment;
import org.jfree.chart.text.TextLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.app.support.Studies;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.charts.ChartBook;
import org.tariffcast.reporting.charts.RenderedChart;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.simulation.PartialResult;
import org.tariffcast.simulation.ProjectionEngine;
import org.tariffcast.simulation.TrialProgress;

/**
 * No category label of any chart of the default study is cut: for every chart with a category
 * axis (waterfalls with their long sector names, tornados with their driver labels, the scenario
 * comparison), the labels JFreeChart lays out at the chart's own size, wrapped onto as many lines
 * as the axis allows, hold the whole label, word for word, with no ellipsis; in English and in
 * Vietnamese. A short run of {@code config/us-vietnam-2025}, charts drawn as the report draws them.
 */
class ChartLabelsTest {
  static final long TRIALS = 200;
  static RunResult result;

  @BeforeAll
  static void run() {
    ModelConfig config = ConfigLoader.load(Studies.DEFAULT);
    config = config.withRun(config.run().withTrials(TRIALS));
    ProjectionEngine engine = ProjectionEngine.of(config);
    PartialResult all = engine.simulate(0, TRIALS, 2, TrialProgress.NONE);
    Instant t = Instant.parse("2026-01-05T02:00:00Z");
    result = engine.finish(all, 7, t, t.plusSeconds(60), Map.of("tariffcast", "test"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "vi"})
  void everyCategoryLabelIsWhole(String language) {
    ChartBook book = new ChartBook(1, 10);
    List<RenderedChart> charts = book.render(ReportData.of(result), "source", language);
    List<String> cut = new ArrayList<>();
    int checked = 0;
    for (RenderedChart rc : charts) {
      JFreeChart chart = book.chart(rc.fileName()).orElseThrow();
      if (!(chart.getPlot() instanceof CategoryPlot plot)) {
        continue;
      }
      BufferedImage image = new BufferedImage(rc.width(), rc.height(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g2 = image.createGraphics();
      try {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, rc.width(), rc.height()), info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        CategoryAxis axis = plot.getDomainAxis();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), dataArea, plot.getDomainAxisEdge());
        for (Object o : ticks) {
          CategoryTick tick = (CategoryTick) o;
          String whole = tick.getCategory().toString();
          String laidOut = text(tick.getLabel());
          checked++;
          // JFreeChart cuts a label that needs more lines than the axis allows and ends it with
          // "..."; the sector "Other goods (... tools...)" ends so by itself, so words are compared
          if (!laidOut.replaceAll("\\s+", "").equals(whole.replaceAll("\\s+", ""))) {
            cut.add(rc.fileName() + ": '" + whole + "' laid out as '" + laidOut + "'");
          }
        }
      } finally {
        g2.dispose();
      }
    }
    assertThat(checked).as("category labels checked (%s)", language).isGreaterThan(50);
    assertThat(cut).as("labels cut in %s", language).isEmpty();
  }

  static String text(TextBlock block) {
    StringBuilder b = new StringBuilder();
    for (Object l : block.getLines()) {
      TextLine line = (TextLine) l;
      // a wrapped category label has one fragment per line
      TextFragment first = line.getFirstTextFragment();
      TextFragment last = line.getLastTextFragment();
      b.append(first == null ? "" : first.getText());
      if (last != null && last != first) {
        b.append(last.getText());
      }
      b.append(' ');
    }
    return b.toString().trim();
  }
}
