package org.tariffcast.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.app.it.KillAndResumeIT.Run;
import org.tariffcast.app.support.Workspace;

/** What a {@code run} process prints: the run's outcome once on its console, once in its log. */
class RunConsoleIT {
  @TempDir
  Path tmp;

  @Test
  void aSuccessfulRunSaysSoOnceOnTheConsoleAndOnceInTheLog() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    Run run = KillAndResumeIT.command(ws, "run", "--trials", "40", "--threads", "1").finish();

    assertThat(run.code).as(run.output()).isZero();
    List<String> ends = run.lines.stream().filter(l -> l.matches(".*\\brun 1 (COMPLETED|completed)\\b.*")).toList();
    assertThat(ends).as(run.output()).singleElement().asString()
        .matches("run 1 completed in 0m\\d\\ds: 40 trials, config [0-9a-f]{12}, reports in \\S+/run-1");
    List<String> log = Files.readAllLines(ws.data.resolve("logs/tariffcast.log"));
    List<String> logged = log.stream().filter(l -> l.contains("run 1 COMPLETED in")).toList();
    assertThat(logged).hasSize(1);
    // the console's time is the whole job's, validate to publish, as the log's (the job execution's
    // start to its end): it used to stop where the statistics began, leaving out merge and reports
    int console = seconds(ends.get(0));
    int job = seconds(logged.get(0));
    assertThat(console).as(ends.get(0) + " against " + logged.get(0)).isBetween(job, job + 3);
  }

  /** The seconds of the first {@code in XmYYs} of a line. */
  private static int seconds(String line) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" in (\\d+)m(\\d\\d)s").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
  }
}
