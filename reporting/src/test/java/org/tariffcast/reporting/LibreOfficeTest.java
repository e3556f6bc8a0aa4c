package org.tariffcast.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * If LibreOffice is installed, the workbook converts to PDF headless (no repair, no prompt), and
 * the Summary sheet, exported as CSV "as shown", displays the USD bn and percent formats. Skipped,
 * with the reason printed, on machines without {@code soffice} or {@code libreoffice} on the PATH.
 */
class LibreOfficeTest {
  static Optional<Path> office() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("soffice", "libreoffice")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void convertsToPdfAndShowsTheFormats(@TempDir Path dir) throws Exception {
    Optional<Path> office = office();
    if (office.isEmpty()) {
      System.out.println("LibreOfficeTest skipped: neither soffice nor libreoffice is on the PATH");
    }
    assumeTrue(office.isPresent(), "LibreOffice (soffice or libreoffice) is not on the PATH");
    ReportFiles files = Rendered.write(SmallRun.result(), dir.resolve("report"));
    Path out = dir.resolve("out");
    Path profile = dir.resolve("profile");
    run(office.get(), profile, out, "pdf", files.workbook());
    Path pdf = out.resolve("tariffcast-run-42.pdf");
    assertThat(pdf).isRegularFile();
    byte[] head = Files.readAllBytes(pdf);
    assertThat(new String(head, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(head.length).isGreaterThan(50_000);

    run(office.get(), profile, out, "csv:Text - txt - csv (StarCalc):44,34,76,1", files.workbook());
    String csv = Files.readString(out.resolve("tariffcast-run-42.csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("103.5 bn", "-46.5 bn", "-31.0%", "20.0%");
  }

  private static void run(Path office, Path profile, Path out, String format, Path input) throws Exception {
    Files.createDirectories(out);
    Process p = new ProcessBuilder(office.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
        "--norestore", "--convert-to", format, "--outdir", out.toString(), input.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("LibreOffice finished: " + output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output.toLowerCase()).doesNotContain("repair").doesNotContain("error");
  }
}
