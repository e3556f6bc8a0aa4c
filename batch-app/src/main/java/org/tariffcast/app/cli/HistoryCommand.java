package org.tariffcast.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.Owner;
import org.tariffcast.app.persistence.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history}: the recent runs. */
@Command(name = "history", mixinStandardHelpOptions = true,
    header = "List recent runs.",
    description = {"List recent runs, newest first: id, start, status, trials, duration, configuration",
        "hash, whether its mail went out (sent, pending: being retried, gave up, '-': none), where the",
        "reports are, and what started it (cli or schedule and fire time, overrides).",
        "KILLED is a run whose process died: 'run' or 'resume' continues it."},
    footer = {"", "Exit status: 0 done, 2 usage.", "Example: tariffcast history --limit 50"})
public class HistoryCommand extends ReadOnlyCommand {
  int limit = 20;

  @Option(names = "--limit", paramLabel = "N", description = "how many runs, 1 to 1000 (default: 20)")
  void limit(int value) {
    limit = (int) Ranges.between(spec, "--limit", value, 1, 1000);
  }

  @Override
  int run(ReadOnlyDatabase db) {
    print(db.recent(limit), db.tariffcast(), out(), db::mailSummary);
    return ExitCodes.OK;
  }

  static void print(List<RunRecord> runs, TariffcastProperties props, PrintWriter out) {
    print(runs, props, out, id -> "-");
  }

  /** {@code mail} gives the MAIL column: sent, pending, gave up, or "-" when nothing was mailed. */
  static void print(List<RunRecord> runs, TariffcastProperties props, PrintWriter out,
      java.util.function.LongFunction<String> mail) {
    ZoneId zone = props.zoneId();
    // the start time is shown in the configured zone (tariffcast.time-zone), named in each cell
    out.printf("%6s  %-20s  %-9s  %10s  %9s  %-7s  %-12s  %-32s  %s%n", "RUN", "STARTED", "STATUS", "TRIALS",
        "DURATION", "MAIL", "CONFIG", "REPORTS", "ORIGIN");
    for (RunRecord r : runs) {
      String status = Owner.isStale(r, props.staleAfter()) ? "KILLED" : r.status();
      String origin = r.scheduleName() == null ? r.origin() : r.scheduleName() + " " + r.fireTime();
      if (!r.overrides().isEmpty()) {
        origin += " [" + r.overrides() + "]";
      }
      Duration d = r.duration();
      out.printf("%6d  %-20s  %-9s  %10s  %9s  %-7s  %-12s  %-32s  %s%n", r.runId(),
          Times.minutes(r.startedAt(), zone), status,
          r.trials() == null || r.trials() == 0 ? "-" : String.format("%,d", r.trials()),
          d == null ? "-" : String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart()),
          mail.apply(r.runId()), r.shortHash(),
          r.reportPath() == null ? "-" : props.reports().resolve(r.reportPath()), origin);
    }
    if (runs.isEmpty()) {
      out.println("(no runs yet: tariffcast run)");
    }
  }
}
