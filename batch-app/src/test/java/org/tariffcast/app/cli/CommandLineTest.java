package org.tariffcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tariffcast.app.support.Results;
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
  @ValueSource(strings = {"run", "validate", "schedule", "history", "report", "show", "compare", "resume",
      "migrate", "backup"})
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
  void historyShowAndCompareDescribeTheRuns() throws Exception {
    // a zone that is neither UTC nor, most likely, the machine's: every timestamp must be in it
    Workspace ws = Workspace.h2(tmp.resolve("ws")).with("tariffcast.time-zone", "Asia/Ho_Chi_Minh");
    Workspace.Result first = ws.cli("run", "--trials", "200", "--threads", "1");
    Workspace.Result second = ws.cli("run", "--trials", "150", "--seed", "99", "--threads", "1");
    assertThat(first.code()).isZero();
    assertThat(second.code()).isZero();
    // the study says 200 trials and seed 20030421; the first line shows what the run uses
    assertThat(second.out().lines().findFirst().orElseThrow()).contains("150 trials", "seed 99")
        .doesNotContain("20030421");

    Workspace.Result history = ws.cli("history");
    Workspace.Result show = ws.cli("show", "--run", "2");
    Workspace.Result compare = ws.cli("compare", "1", "2");
    Workspace.Result missing = ws.cli("show", "--run", "77");
    Workspace.Result noStats = ws.cli("report", "--run", "77");

    assertThat(history.code()).isZero();
    assertThat(history.out().lines()).hasSize(3);
    assertThat(history.out()).contains("COMPLETED", "[trials=150;seed=99]", "[trials=200]",
        ws.reports.resolve("").toString());
    // each start time names the zone, and the report folder is dated in the same zone
    List<String> rows = history.out().lines().skip(1).toList();
    for (String row : rows) {
      Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2} ICT").matcher(row);
      assertThat(m.find()).as(row).isTrue();
      assertThat(row).contains(ws.reports.resolve(m.group(1)).toString());
    }
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("run 2: COMPLETED", "seed 99", "MEAN", " ICT, statistics ")
        .doesNotContainPattern("\\de[+-]\\d");
    assertThat(compare.code()).isZero();
    assertThat(compare.out()).contains("A = run 1", "B = run 2", "B - A");

    String log = Files.readString(ws.data.resolve("logs/tariffcast.log"));
    // progress goes on after the simulation, step by step, and each run ends with one line
    assertThat(log).contains("run 2: step 3 of 5, merge", "run 2: step 4 of 5, report", "run 2: step 5 of 5, publish");
    Matcher done = Pattern.compile("\\+07:00 .*(run 2 COMPLETED in \\d+m\\d\\ds: 150 trials, (.*))").matcher(log);
    assertThat(done.find()).as(log).isTrue();
    assertThat(log.lines().filter(l -> l.contains("run 2 COMPLETED in"))).hasSize(1);
    assertThat(ws.root.resolve(done.group(2)).resolve("summary.json")).isRegularFile();

    String noRun77 = "no run 77 in " + ws.url().substring(0, ws.url().indexOf(';'))
        + "; `tariffcast history` lists the runs";
    for (Workspace.Result unknown : new Workspace.Result[] {missing, noStats, ws.cli("resume", "--run", "77"),
        ws.cli("compare", "1", "77")}) {
      assertThat(unknown.code()).isEqualTo(2);
      assertThat(unknown.err()).isEqualTo("error: " + noRun77 + System.lineSeparator());
    }
    showAndCompareInHumanUnitsAndForScripts(ws);
  }

  /**
   * The GSIM example's flows (flows.csv, USD mn a year, no growth in its baseline): the US imports
   * 300 from the EU and exports 200 to it, a balance of -100.
   */
  void showAndCompareInHumanUnitsAndForScripts(Workspace ws) {
    Workspace.Result baseline = ws.cli("show", "--run", "1", "--scenario", "baseline");
    assertThat(baseline.code()).isZero();
    assertThat(baseline.out()).containsPattern("Imports from partner +final year, total, level +USD mn +300\\.0 ")
        .containsPattern("Exports to partner +final year, total, level +USD mn +200\\.0 ")
        .containsPattern("Bilateral balance +final year, total, level +USD mn +-100\\.0 ")
        .doesNotContain("US-EU FTA (");

    Workspace.Result shortShow = ws.cli("show", "--run", "1");
    Workspace.Result all = ws.cli("show", "--run", "1", "--all");
    Workspace.Result csv = ws.cli("show", "--run", "1", "--all", "--format", "csv");
    Workspace.Result json = ws.cli("show", "--run", "1", "--format", "json", "--metric", "imports_from_partner");
    int kpis = Results.load(ws, 1).kpis().size();
    assertThat(shortShow.out()).contains("US-EU FTA (probability 100 %)", "Outlook (", "% vs baseline");
    assertThat(shortShow.out().lines().count()).isLessThan(60);
    assertThat(all.out().lines().count()).isGreaterThan(kpis);
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .isEqualTo("scenario,metric,breakdown,window,measure,unit,mean,P5,P50,P95");
    assertThat(csv.out().lines()).hasSize(kpis + 1);
    assertThat(csvValues(csv.out(), "Baseline,imports_from_partner,total,final_year,level,USD,"))
        .hasSize(4).allSatisfy(v -> assertThat(v).isCloseTo(3e8, within(1e-3)));
    assertThat(json.out()).startsWith("{\"run_id\": 1, \"status\": \"COMPLETED\", \"kpis\": [")
        .contains("\"metric\": \"imports_from_partner\"", "\"unit\": \"fraction\"", "\"targets\": [")
        .doesNotContain("exports_to_partner");

    Workspace.Result compareCsv = ws.cli("compare", "1", "2", "--format", "csv", "--scenario", "Baseline");
    assertThat(compareCsv.code()).isZero();
    assertThat(compareCsv.out().lines()).first().isEqualTo(
        "scenario,metric,breakdown,window,measure,unit,mean A,mean B,B - A");
    assertThat(csvValues(compareCsv.out(), "Baseline,bilateral_balance,total,final_year,level,USD,"))
        .satisfiesExactly(a -> assertThat(a).isCloseTo(-1e8, within(1e-3)),
            b -> assertThat(b).isCloseTo(-1e8, within(1e-3)), d -> assertThat(d).isCloseTo(0, within(1e-3)));

    Workspace.Result typoScenario = ws.cli("show", "--run", "1", "--scenario", "Outlok");
    Workspace.Result typoMetric = ws.cli("compare", "1", "2", "--metric", "import_from_partner");
    Workspace.Result noSuchScenario = ws.cli("show", "--run", "1", "--scenario", "Nope");
    assertThat(typoScenario.code()).isEqualTo(2);
    assertThat(typoScenario.err()).contains("no scenario 'Outlok' in run 1; did you mean 'Outlook'?");
    assertThat(typoScenario.out()).isEmpty();
    assertThat(typoMetric.code()).isEqualTo(2);
    assertThat(typoMetric.err()).contains("no metric 'import_from_partner'", "did you mean 'imports_from_partner'?");
    assertThat(noSuchScenario.code()).isEqualTo(2);
    assertThat(noSuchScenario.err()).contains("no scenario 'Nope' in run 1 (scenarios: ").doesNotContain("did you mean");
    assertThat(ws.cli("show", "--run", "1", "--format", "xml").code()).isEqualTo(2);
  }

  /** The numbers of the one csv line that starts with {@code prefix}. */
  static List<Double> csvValues(String csv, String prefix) {
    List<String> lines = csv.lines().filter(l -> l.startsWith(prefix)).toList();
    assertThat(lines).as(csv).hasSize(1);
    return Arrays.stream(lines.get(0).substring(prefix.length()).split(",")).map(Double::parseDouble).toList();
  }

  @Test
  void readOnlyCommandsNeverCreateOrMigrateADatabase() {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    // a new database: nothing to read, and nothing is created
    Workspace.Result history = ws.cli("history");
    assertThat(history.code()).isZero();
    assertThat(history.out()).contains("(no runs yet");
    assertThat(ws.cli("show", "--run", "1").err()).contains("no run 1 in ");
    assertThat(ws.data).doesNotExist();

    // a database made by a build whose last migration was V40: behind this build, which ships V41 (explore)
    ws.context(false, "--spring.flyway.target=40").close();
    List<String> v40 = versions(ws);
    assertThat(v40).contains("40").doesNotContain("41");
    for (String[] line : new String[][] {{"history"}, {"show", "--run", "1"}, {"compare", "1", "2"}}) {
      Workspace.Result r = ws.cli(line);
      assertThat(r.code()).as(line[0]).isEqualTo(1);
      assertThat(r.out()).as(line[0]).isEmpty();
      assertThat(r.err()).as(line[0]).startsWith("error: The database " + ws.url().substring(0, ws.url().indexOf(';'))
          + " is at schema version 40 and lacks ").contains("V41 explore", "tariffcast migrate", "tariffcast backup");
    }
    assertThat(versions(ws)).as("refused, not migrated").isEqualTo(v40);

    // backup copies it as it is; migrate brings it up to this build, and history reads it
    Workspace.Result backup = ws.cli("backup", "--to", tmp.resolve("before-migrate.zip").toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(versions(ws)).isEqualTo(v40);
    Workspace.Result migrate = ws.cli("migrate");
    assertThat(migrate.code()).as(migrate.err()).isZero();
    assertThat(migrate.out()).containsPattern("migrated from schema version 40 to \\d+ \\(\\d+ migrations? applied\\)");
    assertThat(versions(ws)).contains("40", "41");
    assertThat(ws.cli("migrate").out()).contains("nothing to migrate");
    history = ws.cli("history");
    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out()).contains("(no runs yet");
  }

  /** The versions Flyway's history holds, in the order applied. */
  static List<String> versions(Workspace ws) {
    return ws.jdbc().queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL "
        + "ORDER BY \"installed_rank\"", String.class);
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
