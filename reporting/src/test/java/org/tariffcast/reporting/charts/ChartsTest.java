package org.tariffcast.reporting.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import org.tariffcast.reporting.content.ReportData;

/** Every PNG opens, is drawn at twice its logical size and has a real picture in it. */
class ChartsTest {
  @TempDir
  static Path dir;
  static ReportFiles files;

  @BeforeAll
  static void render() throws IOException {
    files = Rendered.write(SmallRun.result(), dir);
  }

  @Test
  void oneChartOfEachKindPerScenarioAndTheOutlook() {
    List<String> names = files.charts().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).containsExactly("scenario-comparison.png", "distribution-balance-final-year.png",
        "fan-balance-no-deal-46.png", "fan-balance-framework-20-40.png", "fan-balance-zero-for-zero.png",
        "fan-balance-outlook.png", "waterfall-imports-no-deal-46.png", "waterfall-imports-framework-20-40.png",
        "waterfall-imports-zero-for-zero.png", "waterfall-imports-outlook.png", "tornado-no-deal-46.png",
        "tornado-framework-20-40.png", "tornado-zero-for-zero.png", "tornado-outlook.png", "convergence.png");
  }

  @Test
  void everyPngIsTwiceItsLogicalSizeAndNotBlank() throws IOException {
    for (Path png : files.charts()) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      // every chart is 900 points wide, drawn at scale 2
      assertThat(image.getWidth()).as(png.getFileName().toString()).isEqualTo(1800);
      assertThat(image.getHeight()).as(png.getFileName().toString()).isBetween(600, 1400).matches(h -> h % 2 == 0);
      Set<Integer> colours = new HashSet<>();
      long inked = 0;
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth(); x += 2) {
          int rgb = image.getRGB(x, y) & 0xFFFFFF;
          colours.add(rgb);
          if (rgb != 0xFFFFFF) {
            inked++;
          }
        }
      }
      long sampled = (long) (image.getHeight() / 2) * (image.getWidth() / 2);
      assertThat(colours.size()).as(png.getFileName() + " distinct colours").isGreaterThan(40);
      assertThat((double) inked / sampled).as(png.getFileName() + " share of non-white pixels").isGreaterThan(0.03);
    }
  }

  @Test
  void fanChartsDrawBandsInTheScenarioColour() throws IOException {
    BufferedImage fan = ImageIO.read(dir.resolve("fan-balance-no-deal-46.png").toFile());
    // the 90 % band is the first palette colour (0072B2) mixed with white at 22 %
    int band = FanChart.blend(ChartStyle.PALETTE.get(0), 0.22).getRGB() & 0xFFFFFF;
    long count = 0;
    for (int y = 0; y < fan.getHeight(); y++) {
      for (int x = 0; x < fan.getWidth(); x++) {
        if ((fan.getRGB(x, y) & 0xFFFFFF) == band) {
          count++;
        }
      }
    }
    assertThat(count).isGreaterThan(10_000);
  }

  @Test
  void scaleOneDrawsAtLogicalSize() {
    List<RenderedChart> charts = new ChartBook(1.0, 10).render(ReportData.of(SmallRun.result()), "Source: test");
    for (RenderedChart c : charts) {
      assertThat(c.width()).isEqualTo(900);
    }
    assertThat(charts).hasSize(15);
  }
}
