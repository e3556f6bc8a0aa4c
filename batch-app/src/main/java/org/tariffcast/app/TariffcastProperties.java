package org.tariffcast.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tariffcast.*} settings of {@code config/application.yml}.
 *
 * @param study the default study folder ({@code run} and {@code validate} without {@code --config})
 * @param reports where reports go: {@code <reports>/<run-date>/run-<id>/}
 * @param threads default worker threads of the simulate step (0: one per core)
 * @param staleAfter a STARTED run whose process has not said it is alive for this long is taken as killed
 * @param progressInterval how often a running job reports progress
 * @param timeZone the one time zone of the application: report folder dates, history, show, the console
 *     and the log (empty: the machine's)
 * @param zone the former name of {@code timeZone}, read when {@code timeZone} is not set
 * @param schedules the schedules {@code schedule} fires
 * @param report how reports are rendered
 * @param keepPartitionResults partition results (a few MB each, needed only to resume a run) are
 *     deleted this long after their run's statistics were stored
 */
@ConfigurationProperties("tariffcast")
public record TariffcastProperties(
    @DefaultValue("config/examples/gsim-4x4") Path study,
    @DefaultValue("reports") Path reports,
    @DefaultValue("0") int threads,
    @DefaultValue("10m") Duration staleAfter,
    @DefaultValue("5s") Duration progressInterval,
    String timeZone,
    String zone,
    List<Schedule> schedules,
    @DefaultValue Report report,
    @DefaultValue("14d") Duration keepPartitionResults) {

  public TariffcastProperties {
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
  }

  /**
   * Rendering of the reports.
   *
   * @param chartScale pixels per point of the PNG charts, 1 to 4
   * @param topDrivers parameters per KPI on the Drivers sheet and bars per tornado chart
   * @param language the language of the brief and the workbook's front sheets: {@code en} or {@code vi}
   *     (the shipped message bundles); {@code run --language} and {@code report --language} override it
   */
  public record Report(@DefaultValue("2") double chartScale, @DefaultValue("10") int topDrivers,
      @DefaultValue("en") String language) {
    public Report {
      language = language == null || language.isBlank() ? "en" : language.strip();
    }
  }

  /** The configured time zone ({@code tariffcast.time-zone}), else the machine's. */
  public ZoneId zoneId() {
    String name = timeZone != null && !timeZone.isBlank() ? timeZone : zone;
    return name == null || name.isBlank() ? ZoneId.systemDefault() : ZoneId.of(name.strip());
  }

  /**
   * One schedule.
   *
   * @param name identifies its runs (with the fire time): letters, digits, '-' and '_'
   * @param cron a Quartz cron expression (seconds first), e.g. {@code 0 0 2 * * ?}
   * @param zone the time zone of the cron expression, e.g. {@code Asia/Ho_Chi_Minh}
   * @param enabled false keeps it in the file but never fires it
   * @param study the study folder, or empty for {@code tariffcast.study}
   * @param trials trials of each run, or empty for the study's
   * @param seed seed of each run, or empty for the study's
   * @param threads worker threads, or 0 for {@code tariffcast.threads}
   */
  public record Schedule(String name, String cron, @DefaultValue("UTC") String zone,
      @DefaultValue("true") boolean enabled, Path study, Long trials, Long seed, @DefaultValue("0") int threads) {
    public Schedule {
      if (name == null || !name.matches("[A-Za-z0-9_-]{1,100}")) {
        throw new IllegalArgumentException("schedule name must be 1-100 letters, digits, '-' or '_', found '" + name
            + "'");
      }
      if (cron == null || cron.isBlank()) {
        throw new IllegalArgumentException("schedule " + name + " needs a cron expression");
      }
    }
  }
}
