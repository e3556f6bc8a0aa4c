package org.tariffcast.reporting.charts;

import java.util.Objects;

/**
 * One chart as a PNG in memory.
 *
 * @param fileName file name to write it under, e.g. {@code fan-balance-no-deal.png}
 * @param sheet the workbook sheet that shows it next to its table
 * @param title the chart's title
 * @param png the image bytes
 * @param width logical width in points (the image is {@code width * scale} pixels wide)
 * @param height logical height in points
 */
public record RenderedChart(String fileName, String sheet, String title, byte[] png, int width, int height) {
  public RenderedChart {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sheet, "sheet");
    Objects.requireNonNull(png, "png");
  }
}
