package org.tariffcast.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tariffcast.model.result.RunResult;

/** TEMPORARY stub of the reporting API (branch rep owns the real one): writes placeholder files. */
public final class ReportWriter {
  private ReportWriter() {}

  public static ReportWriter of(ReportOptions options) {
    return new ReportWriter();
  }

  public ReportFiles write(RunResult result, Path directory) throws IOException {
    {
      Files.createDirectories(directory);
      long id = result.info().runId();
      Path wb = Files.writeString(directory.resolve("tariffcast-run-" + id + ".xlsx"), "stub");
      Path json = Files.writeString(directory.resolve("summary.json"), "{\"run_id\": " + id + "}");
      return new ReportFiles(wb, List.of(), json);
    }
  }
}
