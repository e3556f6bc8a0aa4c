package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code compare A B}: KPI means of two runs side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    header = "Compare the KPIs of two runs.",
    description = {"Compare two runs: what changed in their configuration and, for the headline KPIs (--all: every",
        "KPI), the mean of each and the difference B - A, grouped by scenario, in USD bn and %."},
    footer = {"", "Exit status: 0 done, 1 a run has no statistics, 2 usage, no such run, or a scenario or metric",
        "run A does not hold.", "Example: tariffcast compare 41 42 --scenario Outlook"})
public class CompareCommand extends ReadOnlyCommand {
  long a;
  long b;
  @Mixin
  KpiOptions kpis;

  @Parameters(index = "0", paramLabel = "A", description = "first run id")
  void a(long value) {
    a = Ranges.positive(spec, "A", value);
  }

  @Parameters(index = "1", paramLabel = "B", description = "second run id")
  void b(long value) {
    b = Ranges.positive(spec, "B", value);
  }

  @Override
  int run(ReadOnlyDatabase db) {
    for (long id : new long[] {a, b}) {
      db.require(id);
    }
    ResultRepository results = db.results();
    for (long id : new long[] {a, b}) {
      if (!results.hasStatistics(id)) {
        err().println("run " + id + " has no statistics yet");
        return ExitCodes.FAILED;
      }
    }
    RunResult ra = results.load(a);
    RunResult rb = results.load(b);
    Map<String, KpiStatistics> inB = new LinkedHashMap<>();
    rb.kpis().forEach(k -> inB.put(k.key().scenario() + "|" + k.key().id(), k));
    KpiTable table = new KpiTable("mean A", "mean B", "B - A");
    for (KpiStatistics ka : kpis.select(ra.kpis(), "run " + a)) {
      KpiStatistics kb = inB.get(ka.key().scenario() + "|" + ka.key().id());
      double mb = kb == null ? Double.NaN : kb.stats().mean();
      table.add(ka.key(), ka.stats().mean(), mb, mb - ka.stats().mean());
    }
    PrintWriter out = out();
    if (kpis.format != KpiOptions.Format.text) {
      table.print(kpis.format, out, Map.of());
      return ExitCodes.OK;
    }
    for (RunResult r : new RunResult[] {ra, rb}) {
      out.printf("%s = run %d: study %s, config %s, seed %d, %,d trials%n", r == ra ? "A" : "B", r.info().runId(),
          r.info().study(), r.info().configSha256().substring(0, 12), r.info().seed(), r.info().trials());
    }
    for (String file : ra.config().files().keySet()) {
      if (!Objects.equals(ra.config().files().get(file), rb.config().files().get(file))) {
        out.println("  " + file + " differs");
      }
    }
    table.text(out, ShowCommand.notes(ra));
    return ExitCodes.OK;
  }
}
