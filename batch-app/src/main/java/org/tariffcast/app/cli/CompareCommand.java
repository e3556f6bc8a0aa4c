package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.tariffcast.app.persistence.ResultRepository;
import org.tariffcast.model.result.KpiStatistics;
import org.tariffcast.model.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare A B}: KPI means of two runs side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    header = "Compare the KPIs of two runs.",
    description = {"Compare two runs: what changed in their configuration and, KPI by KPI, the mean of",
        "each and the difference B - A."},
    footer = {"", "Exit status: 0 done, 1 a run has no statistics, 2 usage or no such run.", "Example: tariffcast compare 41 42"})
public class CompareCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "A", description = "first run id")
  long a;
  @Parameters(index = "1", paramLabel = "B", description = "second run id")
  long b;
  @Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario (e.g. Outlook)")
  String scenario;

  @Override
  int run(ConfigurableApplicationContext ctx) {
    PrintWriter out = out();
    {
      ResultRepository results = ctx.getBean(ResultRepository.class);
      for (long id : new long[] {a, b}) {
        RunLookup.require(ctx, id);
        if (!results.hasStatistics(id)) {
          err().println("run " + id + " has no statistics");
          return ExitCodes.FAILED;
        }
      }
      RunResult ra = results.load(a);
      RunResult rb = results.load(b);
      out.printf("A = run %d: study %s, config %s, seed %d, %,d trials%n", a, ra.info().study(),
          ra.info().configSha256().substring(0, 12), ra.info().seed(), ra.info().trials());
      out.printf("B = run %d: study %s, config %s, seed %d, %,d trials%n", b, rb.info().study(),
          rb.info().configSha256().substring(0, 12), rb.info().seed(), rb.info().trials());
      for (String file : ra.config().files().keySet()) {
        if (!Objects.equals(ra.config().files().get(file), rb.config().files().get(file))) {
          out.println("  " + file + " differs");
        }
      }
      Map<String, KpiStatistics> byKey = new LinkedHashMap<>();
      rb.kpis().forEach(k -> byKey.put(k.key().scenario() + "|" + k.key().id(), k));
      out.printf("%n%-22s %-60s %16s %16s %16s%n", "SCENARIO", "KPI", "MEAN A", "MEAN B", "B - A");
      for (KpiStatistics ka : ra.kpis()) {
        if (scenario != null && !scenario.equalsIgnoreCase(ka.key().scenario())) {
          continue;
        }
        KpiStatistics kb = byKey.get(ka.key().scenario() + "|" + ka.key().id());
        out.printf("%-22s %-60s %16.6g %16s %16s%n", ka.key().scenario(), ka.key().id(), ka.stats().mean(),
            kb == null ? "-" : String.format("%.6g", kb.stats().mean()),
            kb == null ? "-" : String.format("%.6g", kb.stats().mean() - ka.stats().mean()));
      }
      return ExitCodes.OK;
    }
  }
}
