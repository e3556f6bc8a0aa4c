package org.tariffcast.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The writer's contract with the batch application: names, folder creation, replacement, no leftovers. */
class ReportWriterTest {
  @Test
  void writesEveryFileIntoANewFolder(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("reports/2026-01-05/run-42");
    ReportFiles files = Rendered.write(SmallRun.result(), dir);
    assertThat(files.workbook()).isEqualTo(dir.resolve("tariffcast-run-42.xlsx")).isRegularFile();
    assertThat(files.summaryJson()).isEqualTo(dir.resolve("summary.json")).isRegularFile();
    assertThat(files.charts()).hasSize(15).allMatch(Files::isRegularFile);
    try (Stream<Path> all = Files.list(dir)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.startsWith("."));
    }
    JsonNode json = JsonMapper.builder().build().readTree(files.summaryJson().toFile());
    assertThat(json.get("files").get("workbook").asString()).isEqualTo("tariffcast-run-42.xlsx");
    assertThat(json.get("files").get("charts")).hasSize(15);
  }

  @Test
  void replacesPartialFilesLeftByAnEarlierCrash(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("summary.json"), "{\"run_id\": 42, \"kp");
    Files.write(dir.resolve("tariffcast-run-42.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0});
    Files.write(dir.resolve("convergence.png"), new byte[] {(byte) 0x89, 'P', 'N'});
    ReportFiles files = Rendered.write(SmallRun.result(), dir);
    JsonNode json = JsonMapper.builder().build().readTree(files.summaryJson().toFile());
    assertThat(json.get("run_id").asLong()).isEqualTo(42);
    try (XSSFWorkbook wb = Rendered.open(files.workbook())) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Summary");
    }
    assertThat(javax.imageio.ImageIO.read(dir.resolve("convergence.png").toFile())).isNotNull();
  }
}
