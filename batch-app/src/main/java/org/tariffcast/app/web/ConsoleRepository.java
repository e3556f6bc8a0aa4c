package org.tariffcast.app.web;

import org.tariffcast.model.result.Indicator;
import org.tariffcast.model.result.Measure;
import org.tariffcast.model.result.Metric;
import org.tariffcast.model.result.StudyDescription;
import org.tariffcast.model.result.Window;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;

/**
 * What the console reads from the database beyond {@link RunRepository}: filtered pages of
 * runs, a run's progress (from the partitions stored and Spring Batch's step executions, so it
 * works for runs of any process on the same database), headline statistics and the fires of
 * the schedules.
 */
public class ConsoleRepository {
  private final JdbcClient jdbc;
  private final RunRepository runs;
  private final Duration staleAfter;

  public ConsoleRepository(JdbcClient jdbc, RunRepository runs, Duration staleAfter) {
    this.jdbc = jdbc;
    this.runs = runs;
    this.staleAfter = staleAfter;
  }

  /** One page of runs, newest first, and how many match in all. */
  public record Page(List<RunRecord> runs, long total, int page, int pageSize) {
    public int pages() {
      return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
  }

  /** Runs whose shown status is {@code status} (null: any) and whose study is {@code study} (null: any). */
  public Page page(RunStatus status, String study, int page, int pageSize) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      switch (status) {
        case RUNNING -> {
          where.append(" AND status = 'STARTED' AND heartbeat_at >= ?");
          params.add(cutoff());
        }
        case KILLED -> {
          where.append(" AND status = 'STARTED' AND (heartbeat_at IS NULL OR heartbeat_at < ?)");
          params.add(cutoff());
        }
        default -> {
          where.append(" AND status = ?");
          params.add(status.name());
        }
      }
    }
    if (study != null && !study.isBlank()) {
      where.append(" AND study = ?");
      params.add(study);
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM projection_run" + where).params(params).query(Long.class).single();
    int p = Math.max(1, page);
    List<Long> ids = jdbc.sql("SELECT run_id FROM projection_run" + where + " ORDER BY run_id DESC OFFSET "
        + (long) (p - 1) * pageSize + " ROWS FETCH NEXT " + pageSize + " ROWS ONLY").params(params)
        .query(Long.class).list();
    List<RunRecord> list = new ArrayList<>();
    for (long id : ids) {
      runs.find(id).ifPresent(list::add);
    }
    return new Page(list, total, p, pageSize);
  }

  private OffsetDateTime cutoff() {
    return OffsetDateTime.ofInstant(Instant.now().minus(staleAfter), ZoneOffset.UTC);
  }

  /** The study names of all runs, for the filter. */
  public List<String> studies() {
    return jdbc.sql("SELECT DISTINCT study FROM projection_run WHERE study IS NOT NULL ORDER BY study")
        .query(String.class).list();
  }

  /** The run's title (the study's {@code title}), if validated. */
  public Optional<String> title(long runId) {
    return jdbc.sql("SELECT title FROM projection_run WHERE run_id = ?").param(runId).query(String.class)
        .optional();
  }

  /** The run's home and partner region codes, e.g. {@code [US, VN]}. */
  public String[] regions(long runId) {
    return jdbc.sql("SELECT home, partner FROM projection_run WHERE run_id = ?").param(runId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
        .orElse(new String[] {null, null});
  }

  /** The job executions of a run (its Spring Batch job instance), oldest first. */
  public List<Long> jobExecutions(long runId) {
    return jdbc.sql("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ? "
        + "ORDER BY JOB_EXECUTION_ID").param(runId).query(Long.class).list();
  }

  /** True once the run's statistics are stored (its reports can be rendered). */
  public boolean hasStatistics(long runId) {
    return jdbc.sql("SELECT COUNT(*) FROM kpi_statistics WHERE run_id = ?").param(runId).query(Long.class)
        .single() > 0;
  }

  /** The newest validated run of the same study before this one. */
  public Optional<Long> previousOfStudy(long runId, String study) {
    if (study == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT run_id FROM projection_run WHERE study = ? AND run_id < ? AND config_sha256 IS NOT NULL "
        + "ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY").params(study, runId).query(Long.class).optional();
  }

  /** How far a run is: what the Run page and its JSON show. */
  public record Progress(long runId, RunStatus status, String step, int partitionsDone, int partitions,
      long trialsDone, long trialsPlanned, double trialsPerSecond, String eta) {
    public String statusWords() {
      return status.words();
    }

    public String statusCss() {
      return status.css();
    }

    public boolean running() {
      return status == RunStatus.RUNNING;
    }

    /** Fraction of the planned trials stored, 0 to 1. */
    public double fraction() {
      return trialsPlanned <= 0 ? 0 : Math.min(1.0, (double) trialsDone / trialsPlanned);
    }

    /** Fraction of the planned trials stored, in thousandths: the progress bar's value. */
    public long permille() {
      return Math.round(fraction() * 1000);
    }

    public String rateText() {
      return trialsPerSecond > 0 ? String.format(Locale.ROOT, "%,.0f", trialsPerSecond) : "-";
    }
  }

  public Optional<Progress> progress(long runId) {
    return runs.find(runId).map(this::progress);
  }

  public Progress progress(RunRecord run) {
    RunStatus status = RunStatus.of(run, staleAfter);
    int partitions = run.partitions() == null ? 0 : run.partitions();
    record Stored(int count, long trials) {}
    Stored stored = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(trial_to - trial_from), 0) FROM partition_result "
        + "WHERE run_id = ?").param(run.runId()).query((rs, n) -> new Stored(rs.getInt(1), rs.getLong(2))).single();
    long planned = run.trialsPlanned() == null ? 0 : run.trialsPlanned();
    long done = stored.trials();
    if (run.trials() != null && run.trials() > done) {
      done = run.trials();
    }
    String step = "-";
    double rate = 0;
    String eta = "-";
    if (run.jobExecutionId() != null) {
      step = currentStep(run.jobExecutionId(), status);
      if (status == RunStatus.RUNNING) {
        Instant began = executionStart(run.jobExecutionId());
        if (began != null) {
          long since = jdbc.sql("SELECT COALESCE(SUM(trial_to - trial_from), 0) FROM partition_result "
              + "WHERE run_id = ? AND completed_at >= ?").params(run.runId(), OffsetDateTime.ofInstant(began,
                  ZoneOffset.UTC)).query(Long.class).single();
          double seconds = Math.max(1e-3, Duration.between(began, Instant.now()).toMillis() / 1000.0);
          rate = since / seconds;
          long remaining = Math.max(0, planned - stored.trials());
          eta = rate > 0 ? TimeText.duration(Duration.ofSeconds((long) Math.ceil(remaining / rate)))
              : (remaining == 0 ? "0s" : "unknown");
        }
      } else if (status == RunStatus.COMPLETED) {
        eta = "done";
      }
    }
    return new Progress(run.runId(), status, step, Math.min(stored.count(), Math.max(partitions, stored.count())),
        partitions, done, planned, rate, eta);
  }

  private String currentStep(long jobExecutionId, RunStatus status) {
    record Step(String name, String status) {}
    List<Step> steps = jdbc.sql("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
        + "AND STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID DESC").param(jobExecutionId)
        .query((rs, n) -> new Step(rs.getString(1), rs.getString(2))).list();
    if (steps.isEmpty()) {
      return status == RunStatus.RUNNING ? "starting" : "-";
    }
    Step last = steps.get(0);
    String words = switch (last.name()) {
      case "validate" -> "validating the configuration";
      case "simulate" -> "simulating trials";
      case "merge" -> "merging partitions and storing statistics";
      case "report" -> "rendering the reports";
      case "publish" -> "publishing the reports";
      default -> last.name();
    };
    return "STARTED".equals(last.status()) ? words : last.name() + " " + last.status().toLowerCase(Locale.ROOT);
  }

  private Instant executionStart(long jobExecutionId) {
    Timestamp t = jdbc.sql("SELECT START_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
        .param(jobExecutionId).query(Timestamp.class).optional().orElse(null);
    // Spring Batch keeps local date-times of the process that wrote them: this machine's zone
    return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneId.systemDefault())
        .atZone(ZoneId.systemDefault()).toInstant();
  }

  /** One headline figure: a KPI's median and 90 % interval. */
  public record Headline(String scenario, String metric, String measure, double p5, double p50, double p95) {}

  /** Final-year totals of the given metrics, as levels and as change against baseline, in stored order. */
  public List<Headline> headlines(long runId, List<String> metrics) {
    if (metrics.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", metrics.stream().map(m -> "?").toList());
    List<Object> params = new ArrayList<>();
    params.add(runId);
    params.addAll(metrics);
    return jdbc.sql("SELECT scenario, metric, measure, p5, p50, p95 FROM kpi_statistics WHERE run_id = ? "
        + "AND breakdown = 'total' AND time_window = 'final_year' AND measure IN ('level', 'pct_change_vs_baseline') "
        + "AND metric IN (" + in + ") ORDER BY ordinal").params(params)
        .query((rs, n) -> new Headline(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
            rs.getDouble(5), rs.getDouble(6))).list();
  }

  /**
   * The run's headline metrics as its study lists them ({@code run_headline}, the rule of
   * {@link StudyDescription#headlineMetrics}); empty for a run stored before headline lists were.
   */
  public List<Metric> headlineMetrics(long runId) {
    List<Indicator> stored = jdbc.sql("SELECT metric, breakdown, time_window, measure FROM run_headline "
        + "WHERE run_id = ? ORDER BY ordinal").param(runId)
        .query((rs, n) -> Indicator.of(Metric.parse(rs.getString(1)), rs.getString(2), Window.parse(rs.getString(3)),
            Measure.parse(rs.getString(4)))).list();
    return StudyDescription.headlineMetrics(stored);
  }

  /** Scenario names of a run in their order (scenarios, then Baseline and Outlook as stored). */
  public List<String> scenarios(long runId) {
    return jdbc.sql("SELECT name FROM run_scenario WHERE run_id = ? ORDER BY ordinal").param(runId)
        .query(String.class).list();
  }

  /** The last fire of a schedule, if any. */
  public record Fire(String fireTime, String outcome, Long runId, String message, Instant firedAt) {}

  public Optional<Fire> lastFire(String schedule) {
    return jdbc.sql("SELECT fire_time, outcome, run_id, message, fired_at FROM schedule_fire WHERE schedule_name = ? "
        + "ORDER BY fire_id DESC FETCH FIRST 1 ROWS ONLY").param(schedule)
        .query((rs, n) -> {
            OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
            return new Fire(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                at == null ? null : at.toInstant());
        }).optional();
  }
}
