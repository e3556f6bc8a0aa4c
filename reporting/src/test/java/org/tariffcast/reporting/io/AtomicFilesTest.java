package org.tariffcast.reporting.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;
import org.tariffcast.reporting.charts.ChartBook;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.workbook.WorkbookRenderer;

/** A file appears under its final name complete or not at all. */
class AtomicFilesTest {
  @Test
  void writesCompleteContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("a.txt");
    AtomicFiles.write(target, "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("hello");
    assertThat(names(dir)).containsExactly("a.txt");
  }

  @Test
  void replacesAnExistingFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("a.txt");
    Files.writeString(target, "half-writ");
    AtomicFiles.write(target, "complete".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("complete");
    assertThat(names(dir)).containsExactly("a.txt");
  }

  @Test
  void aBodyThatFailsHalfwayLeavesNoFinalFileAndNoTemporaryFile(@TempDir Path dir) {
    Path target = dir.resolve("summary.json");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write("{\"run_id\": 4".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(target).doesNotExist();
    assertThat(names(dir)).isEmpty();
  }

  @Test
  void aFailureKeepsThePreviousVersionIntact(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("summary.json");
    Files.writeString(target, "previous complete report");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write(new byte[1000]);
      throw new IllegalStateException("renderer crashed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(target).hasContent("previous complete report");
    assertThat(names(dir)).containsExactly("summary.json");
  }

  @Test
  void aWorkbookWhoseStreamBreaksMidWriteNeverAppears(@TempDir Path dir) throws IOException {
    ReportData data = ReportData.of(SmallRun.result());
    var charts = new ChartBook(1.0, 5).render(data, "test");
    Path target = dir.resolve("tariffcast-run-42.xlsx");
    assertThatThrownBy(() -> AtomicFiles.write(target,
        out -> new WorkbookRenderer(5).write(data, charts, Rendered.NOW, new BreaksAfter(out, 50_000))))
        .isInstanceOf(IOException.class);
    assertThat(target).doesNotExist();
    assertThat(names(dir)).isEmpty();
    // the same render without the break produces a workbook POI can open
    AtomicFiles.write(target, out -> new WorkbookRenderer(5).write(data, charts, Rendered.NOW, out));
    try (XSSFWorkbook wb = Rendered.open(target)) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(6); // the front workbook: Summary, Scenarios, Outlook, Sectors,
      // Drivers, Published estimates
    }
    assertThat(names(dir)).containsExactly("tariffcast-run-42.xlsx");
  }

  static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A stream that fails once {@code limit} bytes have passed, as a full disk would. */
  static final class BreaksAfter extends FilterOutputStream {
    private long left;

    BreaksAfter(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      spend(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      spend(len);
      out.write(b, off, len);
    }

    private void spend(int n) throws IOException {
      left -= n;
      if (left < 0) {
        throw new IOException("no space left on device (simulated)");
      }
    }
  }
}
