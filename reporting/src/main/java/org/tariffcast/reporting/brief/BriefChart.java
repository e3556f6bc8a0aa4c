package org.tariffcast.reporting.brief;

import java.time.Instant;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.tariffcast.reporting.charts.ChartBook;
import org.tariffcast.reporting.charts.ComparisonChart;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.Messages;
import org.tariffcast.reporting.text.Viewpoint;

/** The brief's scenario chart: the workbook's comparison, in the brief's language and from its perspective. */
final class BriefChart {
  private BriefChart() {}

  static Optional<JFreeChart> comparison(ReportData data, BriefText text, Instant generatedAt) {
    Messages m = text.messages();
    Viewpoint view = text.viewpoint();
    var info = data.info();
    String source = m.get("chart.sourceLine", Long.toString(info.runId()), info.study(), m.fixed(info.trials(), 0),
        info.sampling().label(), Long.toString(info.seed()), generatedAt.toString().substring(0, 10));
    var words = ComparisonChart.words(m, text.inFinalYear(), text.finalYear(),
        metric -> Messages.capitalise(view.metric(metric)));
    return ChartBook.comparison(data, source, words);
  }
}
