package org.tariffcast.reporting.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.io.FileNames;
import org.tariffcast.reporting.text.Labels;

/** What every chart needs: the run, its labels, the house style, the renderer and the scenarios' file-name parts. */
final class ChartContext {
  final ReportData data;
  final Labels labels;
  final ChartStyle style;
  final PngRenderer png;
  private final Map<String, String> fileParts = new LinkedHashMap<>();
  private final Map<String, Integer> colourIndex = new LinkedHashMap<>();

  ChartContext(ReportData data, Labels labels, ChartStyle style, PngRenderer png) {
    this.data = data;
    this.labels = labels;
    this.style = style;
    this.png = png;
    FileNames names = new FileNames();
    for (ScenarioInfo s : data.scenarios()) {
      fileParts.put(s.name(), names.unique(s.name()));
    }
    int i = 0;
    for (ScenarioInfo s : data.configured()) {
      colourIndex.put(s.name(), i++);
    }
  }

  /** The sanitized, collision-free file-name part of a scenario. */
  String filePart(String scenario) {
    return fileParts.getOrDefault(scenario, FileNames.sanitize(scenario));
  }

  /** The scenario's colour: palette by configured order, dark for the outlook, grey for the baseline. */
  java.awt.Color colour(String scenario) {
    if (data.isBaseline(scenario)) {
      return ChartStyle.BASELINE;
    }
    if (data.isOutlook(scenario)) {
      return ChartStyle.OUTLOOK;
    }
    return ChartStyle.scenarioColour(colourIndex.getOrDefault(scenario, 0));
  }

  /** The charts drawn so far, by file name: the brief draws some of them again as vectors. */
  final Map<String, JFreeChart> drawn = new LinkedHashMap<>();

  RenderedChart render(String fileName, String sheet, JFreeChart chart, int width, int height) {
    drawn.put(fileName, chart);
    return new RenderedChart(fileName, sheet, chart.getTitle().getText(), png.render(chart, width, height), width,
        height);
  }
}
