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
    assertThat(missing.code()).isEqualTo(1);
    assertThat(noStats.code()).isEqualTo(1);
  }
}
