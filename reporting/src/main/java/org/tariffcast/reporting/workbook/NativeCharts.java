package org.tariffcast.reporting.workbook;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (DrawingML, via POI's XDDF) that read their numbers from cells of the same
 * sheet, so a reader can click into them, restyle them or copy them into a slide.
 */
final class NativeCharts {
  private NativeCharts() {}

  /** One series: its values' cells and the cell holding its name, plus how to draw it. */
  record Series(CellRangeAddress values, CellReference title, byte[] rgb, boolean dashed, double width) {
    Series(CellRangeAddress values, CellReference title, byte[] rgb) {
      this(values, title, rgb, false, 2.0);
    }
  }

  /** Where a chart goes: rows and columns of the anchor's corners. */
  record Box(int row0, int col0, int row1, int col1) {}

  static final byte[] BLUE = {(byte) 0x00, (byte) 0x72, (byte) 0xB2};
  static final byte[] VERMILLION = {(byte) 0xD5, (byte) 0x5E, (byte) 0x00};
  static final byte[] GREEN = {(byte) 0x00, (byte) 0x9E, (byte) 0x73};
  static final byte[] GREY = {(byte) 0x59, (byte) 0x59, (byte) 0x59};
  static final byte[] LIGHT_BLUE = {(byte) 0x9E, (byte) 0xC5, (byte) 0xE8};
  static final byte[] MID_BLUE = {(byte) 0x4A, (byte) 0x90, (byte) 0xC8};
  static final byte[] DARK_BLUE = {(byte) 0x0B, (byte) 0x3C, (byte) 0x6E};

  /** A clustered column chart of several series over text categories. */
  static XSSFChart columns(XSSFSheet sheet, Box box, String title, CellRangeAddress categories, List<Series> series,
      String valueAxisTitle, String valueFormat) {
    XSSFChart chart = frame(sheet, box, title);
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    x.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFValueAxis y = valueAxis(chart, valueAxisTitle, valueFormat);
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
    data.setBarDirection(BarDirection.COL);
    data.setBarGrouping(BarGrouping.CLUSTERED);
    data.setVaryColors(false);
    data.setGapWidth(80);
    XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
    for (Series s : series) {
      XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, s.values());
      XDDFChartData.Series added = data.addSeries(cats, values);
      added.setTitle(null, s.title());
      XDDFShapeProperties shape = new XDDFShapeProperties();
      shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(s.rgb())));
      added.setShapeProperties(shape);
    }
    chart.plot(data);
    return chart;
  }

  /** A line chart of several series over text categories (e.g. quarters). */
  static XSSFChart lines(XSSFSheet sheet, Box box, String title, CellRangeAddress categories, List<Series> series,
      String valueAxisTitle, String valueFormat) {
    XSSFChart chart = frame(sheet, box, title);
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    x.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFValueAxis y = valueAxis(chart, valueAxisTitle, valueFormat);
    XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
    data.setVaryColors(false);
    XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
    for (Series s : series) {
      XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, s.values());
      XDDFLineChartData.Series added = (XDDFLineChartData.Series) data.addSeries(cats, values);
      added.setTitle(null, s.title());
      added.setSmooth(false);
      added.setMarkerStyle(MarkerStyle.NONE);
      XDDFLineProperties line = new XDDFLineProperties();
      line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(s.rgb())));
      line.setWidth(s.width());
      if (s.dashed()) {
        line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
      }
      XDDFShapeProperties shape = new XDDFShapeProperties();
      shape.setLineProperties(line);
      added.setShapeProperties(shape);
    }
    chart.plot(data);
    return chart;
  }

  private static XSSFChart frame(XSSFSheet sheet, Box box, String title) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, box.col0(), box.row0(), box.col1(), box.row1());
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    return chart;
  }

  private static XDDFValueAxis valueAxis(XSSFChart chart, String title, String format) {
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    y.setCrossBetween(AxisCrossBetween.BETWEEN);
    y.setTitle(title);
    y.setNumberFormat(format);
    XDDFShapeProperties grid = y.getOrAddMajorGridProperties();
    XDDFLineProperties line = new XDDFLineProperties();
    line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) 0xD9, (byte) 0xD9, (byte) 0xD9})));
    grid.setLineProperties(line);
    return y;
  }
}
