package org.tariffcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tariffcast.app.support.Workspace;

/** The command line a planner types: help, exit codes, and the commands that read the history. */
class CommandLineTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"run", "validate", "schedule", "history", "report", "show", "compare", "resume"})
  void everyCommandHasHelpAndHelpWritesNothing(String command) {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    Workspace.Result r = ws.cli(command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: tariffcast " + command).contains("Exit status");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void wrongUsageExitsWith2() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    assertThat(ws.cli().code()).isEqualTo(2);
    assertThat(ws.cli("frobnicate").code()).isEqualTo(2);
    assertThat(ws.cli("run", "--trials", "many").code()).isEqualTo(2);
    assertThat(ws.cli("run", "--trials", "0").code()).isEqualTo(2);
    assertThat(ws.cli("report").code()).isEqualTo(2);
    Workspace.Result r = ws.cli("compare", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("tariffcast compare --help");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void historyShowAndCompareDescribeTheRuns() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    assertThat(ws.cli("run", "--trials", "200", "--threads", "1").code()).isZero();
    assertThat(ws.cli("run", "--trials", "200", "--seed", "99", "--threads", "1").code()).isZero();

    Workspace.Result history = ws.cli("history");
    Workspace.Result show = ws.cli("show", "--run", "2");
    Workspace.Result compare = ws.cli("compare", "1", "2");
    Workspace.Result missing = ws.cli("show", "--run", "77");
    Workspace.Result noStats = ws.cli("report", "--run", "77");

    assertThat(history.code()).isZero();
    assertThat(history.out().lines()).hasSize(3);
    assertThat(history.out()).contains("COMPLETED", "[trials=200;seed=99]", "[trials=200]",
        ws.reports.resolve("").toString());
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("run 2: COMPLETED", "seed 99", "MEAN");
    assertThat(compare.code()).isZero();
    assertThat(compare.out()).contains("A = run 1", "B = run 2", "B - A");
    String noRun77 = "no run 77 in " + ws.url().substring(0, ws.url().indexOf(';'))
        + "; `tariffcast history` lists the runs";
    for (Workspace.Result unknown : new Workspace.Result[] {missing, noStats, ws.cli("resume", "--run", "77"),
        ws.cli("compare", "1", "77")}) {
      assertThat(unknown.code()).isEqualTo(2);
      assertThat(unknown.err()).isEqualTo("error: " + noRun77 + System.lineSeparator());
    }
  }

  @Test
  void helpNamesEachCommandOnce() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    Workspace.Result help = ws.cli("help");
    Workspace.Result helpRun = ws.cli("help", "run");
    Workspace.Result unknown = ws.cli("frobnicate");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: tariffcast [", "history").doesNotContain("tariffcast tariffcast");
    assertThat(helpRun.code()).isZero();
    assertThat(helpRun.out()).contains("Usage: tariffcast run");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("see: tariffcast --help").doesNotContain("tariffcast tariffcast");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void outOfRangeOptionsAreUsageErrors() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    String[][] lines = {{"history", "--limit", "-3"}, {"history", "--limit", "0"}, {"history", "--limit", "1001"},
        {"show", "--run", "0"}, {"report", "--run", "-1"}, {"resume", "--run", "1", "--threads", "0"},
        {"run", "--trials", "-5"}, {"run", "--threads", "-2"}};
    for (String[] line : lines) {
      Workspace.Result r = ws.cli(line);
      assertThat(r.code()).as(String.join(" ", line)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", line)).contains(line[line.length - 2] + ": expected a whole number",
          "found " + line[line.length - 1], "see: tariffcast " + line[0] + " --help");
    }
    assertThat(tmp.resolve("ws")).doesNotExist();
  }
}
