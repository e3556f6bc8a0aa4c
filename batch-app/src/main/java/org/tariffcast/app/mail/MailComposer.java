package org.tariffcast.app.mail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.persistence.RunRecord;

/**
 * Writes the mails: the report of a completed run (brief and workbook attached, or linked when
 * larger than {@code tariffcast.mail.max-attachment-size}), and the alerts.
 */
public class MailComposer {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
  private final JdbcClient jdbc;
  private final MailSettings settings;
  private final Path reportsRoot;
  private final URI consoleUrl;
  private final ZoneId zone;

  public MailComposer(JdbcClient jdbc, MailSettings settings, Path reportsRoot, URI consoleUrl, ZoneId zone) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.reportsRoot = reportsRoot.toAbsolutePath().normalize();
    this.consoleUrl = consoleUrl;
    this.zone = zone;
  }

  String when(Instant t) {
    return t == null ? "-" : WHEN.format(t.atZone(zone));
  }

  /** Where the console shows a path, e.g. {@code http://batch01:8080/runs/12}; null without a console URL. */
  String link(String path) {
    if (consoleUrl == null) {
      return null;
    }
    String base = consoleUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  /** The report of a completed run, to {@code reports-to}. */
  public DeliveryRepository.Mail completed(RunRecord run, String title) {
    StringBuilder body = new StringBuilder();
    body.append("Run ").append(run.runId()).append(" of ").append(title).append(" completed.\n\n");
    facts(body, run);
    List<String> headline = headline(run.runId());
    if (!headline.isEmpty()) {
      body.append("\nFinal year, change against the no-change baseline (median, 90 % interval):\n");
      headline.forEach(l -> body.append("  ").append(l).append('\n'));
    }
    List<String> attachments = new ArrayList<>();
    List<String> linked = new ArrayList<>();
    Path folder = run.reportPath() == null ? null : reportsRoot.resolve(run.reportPath()).normalize();
    if (folder != null && folder.startsWith(reportsRoot)) {
      for (String name : List.of("tariffcast-brief-run-" + run.runId() + ".pdf",
          "tariffcast-run-" + run.runId() + ".xlsx")) {
        Path f = folder.resolve(name);
        try {
          if (Files.isRegularFile(f)) {
            long size = Files.size(f);
            if (size <= settings.maxAttachmentSize().toBytes()) {
              attachments.add(f.toString());
            } else {
              String where = link("/runs/" + run.runId() + "/files/" + name);
              linked.add(name + " (" + String.format(Locale.ROOT, "%.1f MB", size / 1048576.0) + ", over the "
                  + settings.maxAttachmentSize().toMegabytes() + " MB limit for attachments): "
                  + (where != null ? where : f.toString()));
            }
          }
        } catch (IOException e) {
          linked.add(name + ": " + f);
        }
      }
    }
    if (!attachments.isEmpty()) {
      body.append("\nAttached: ").append(String.join(", ", attachments.stream()
          .map(a -> Path.of(a).getFileName().toString()).toList())).append('\n');
    }
    if (!linked.isEmpty()) {
      body.append("\nNot attached (too large), download from:\n");
      linked.forEach(l -> body.append("  ").append(l).append('\n'));
    }
    if (folder != null) {
      body.append("\nAll reports (charts, summary.json): ").append(folder).append('\n');
    }
    String console = link("/runs/" + run.runId());
    if (console != null) {
      body.append("On the console: ").append(console).append('\n');
    }
    String subject = "tariffcast: run " + run.runId() + " completed - " + title + " ("
        + String.format(Locale.ROOT, "%,d", run.trials() == null ? 0 : run.trials()) + " trials)";
    return new DeliveryRepository.Mail("run-" + run.runId() + "-completed", "REPORT", "COMPLETED", run.runId(),
        settings.reportsTo(), subject, body.toString(), attachments);
  }

  /**
   * An alert that a run ended badly: {@code event} is FAILED, STOPPED, INVALID or KILLED;
   * {@code execution} identifies the attempt, so a run that fails again after a resume alerts again.
   */
  public DeliveryRepository.Mail runAlert(RunRecord run, String title, String event, long execution) {
    StringBuilder body = new StringBuilder();
    body.append("Run ").append(run.runId()).append(" of ").append(title).append(" ended ").append(event)
        .append(".\n\n");
    if (run.message() != null && !run.message().isBlank()) {
      body.append("Why: ").append(run.message()).append("\n\n");
    }
    facts(body, run);
    body.append('\n');
    if ("INVALID".equals(event)) {
      body.append("Fix the configuration ('tariffcast validate --config ").append(run.studyDir() == null ? "DIR"
          : run.studyDir()).append("' lists every problem), then run it again.\n");
    } else {
      body.append("Resume it where it stopped: tariffcast resume --run ").append(run.runId())
          .append(" (the numbers equal an uninterrupted run's).\n");
    }
    String console = link("/runs/" + run.runId());
    if (console != null) {
      body.append("On the console: ").append(console).append('\n');
    }
    String subject = "tariffcast ALERT: run " + run.runId() + " " + event + " - " + title;
    return new DeliveryRepository.Mail("run-" + run.runId() + "-execution-" + execution + "-" + event, "ALERT", event,
        run.runId(), settings.alertsTo(), subject, body.toString(), List.of());
  }

  /** An alert that a schedule did not fire at {@code fireTime} (its own zone). */
  public DeliveryRepository.Mail missedFire(String schedule, String fireTime, String scheduleZone, Instant due,
      Duration grace) {
    String body = "Schedule " + schedule + " should have fired at " + fireTime + " (" + scheduleZone + "), that is "
        + when(due) + ", and no scheduler recorded the fire within " + grace.toMinutes() + " minutes.\n\n"
        + "Is 'tariffcast schedule' running? Is the schedule switched off in the console? Its log: "
        + "data/logs/tariffcast.log. A fire missed while no scheduler was up runs once when a scheduler starts.\n"
        + (link("/schedules") == null ? "" : "On the console: " + link("/schedules") + "\n");
    return new DeliveryRepository.Mail("schedule-" + schedule + "-" + fireTime + "-MISSED", "ALERT", "MISSED_FIRE",
        null, settings.alertsTo(), "tariffcast ALERT: schedule " + schedule + " did not fire at " + fireTime,
        body, List.of());
  }

  private void facts(StringBuilder body, RunRecord run) {
    body.append("Study:        ").append(run.study() == null ? "-" : run.study()).append('\n');
    body.append("Started by:   ").append("schedule".equals(run.origin()) ? "schedule " + run.scheduleName()
        + (run.fireTime() == null ? "" : " (" + run.fireTime() + ")") : "command line").append('\n');
    body.append("Started:      ").append(when(run.startedAt())).append('\n');
    if (run.trials() != null && run.trials() > 0) {
      body.append("Trials:       ").append(String.format(Locale.ROOT, "%,d", run.trials())).append('\n');
    }
    Duration d = run.duration();
    if (d != null) {
      body.append("Duration:     ").append(String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart()))
          .append('\n');
    }
    body.append("Seed:         ").append(run.seed() == null ? "-" : run.seed()).append('\n');
    body.append("Config:       ").append(run.configSha256() == null ? "-" : run.configSha256()).append('\n');
  }

  /** One line per scenario: the final-year change of imports from the partner against baseline. */
  List<String> headline(long runId) {
    return jdbc.sql("""
        SELECT scenario, p5, p50, p95 FROM kpi_statistics WHERE run_id = ? AND metric = 'imports_from_partner'
          AND breakdown = 'total' AND time_window = 'final_year' AND measure = 'pct_change_vs_baseline'
        ORDER BY ordinal""").param(runId)
        .query((rs, n) -> String.format(Locale.ROOT, "%s: imports from the partner %+.1f %% (%+.1f %% to %+.1f %%)",
            rs.getString(1), 100 * rs.getDouble(3), 100 * rs.getDouble(2), 100 * rs.getDouble(4)))
        .list();
  }
}
