package org.tariffcast.app.mail;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.Owner;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;
import org.tariffcast.app.schedule.ScheduleSwitches;

/**
 * In the long-lived processes ({@code schedule}, {@code serve}): every {@code watch-interval},
 * sends the mail that is due, alerts on runs whose process died (KILLED), and on schedules that
 * did not fire: an enabled schedule whose fire time passed more than {@code missed-fire-grace}
 * ago, while this process was up, with no fire recorded by any scheduler.
 */
public class DeliveryWatch implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DeliveryWatch.class);
  static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private final DeliveryService deliveries;
  private final RunRepository runs;
  private final JdbcClient jdbc;
  private final TariffcastProperties properties;
  private final ScheduleSwitches switches;
  private final MailSettings settings;
  private final Instant since = Instant.now();
  private ScheduledExecutorService timer;

  public DeliveryWatch(DeliveryService deliveries, RunRepository runs, JdbcClient jdbc,
      TariffcastProperties properties, ScheduleSwitches switches, MailSettings settings) {
    this.deliveries = deliveries;
    this.runs = runs;
    this.jdbc = jdbc;
    this.properties = properties;
    this.switches = switches;
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    if (timer != null || !deliveries.active()) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mail-watch");
      t.setDaemon(true);
      return t;
    });
    long ms = settings.watchInterval().toMillis();
    timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** One round: killed runs, missed fires, then whatever mail is due. */
  public void check() {
    try {
      killedRuns();
      missedFires(Instant.now());
      deliveries.sendDue();
    } catch (RuntimeException e) {
      log.warn("mail watch: {}", e.toString());
    }
  }

  void killedRuns() {
    for (long id : jdbc.sql("SELECT run_id FROM projection_run WHERE status = 'STARTED'").query(Long.class).list()) {
      RunRecord run = runs.find(id).orElse(null);
      if (run != null && Owner.isStale(run, properties.staleAfter())) {
        deliveries.runKilled(run);
      }
    }
  }

  /** Records an alert for each enabled schedule whose last due fire, after this process started, left no record. */
  void missedFires(Instant now) {
    Instant latestDue = now.minus(settings.missedFireGrace());
    for (TariffcastProperties.Schedule s : properties.schedules()) {
      if (!switches.enabled(s)) {
        continue;
      }
      Instant due = lastFireBetween(s, since, latestDue);
      if (due == null) {
        continue;
      }
      String fireTime = LocalDateTime.ofInstant(due, ZoneId.of(s.zone())).format(FIRE_TIME);
      long fired = jdbc.sql("SELECT COUNT(*) FROM schedule_fire WHERE schedule_name = ? AND fire_time = ?")
          .params(s.name(), fireTime).query(Long.class).single();
      if (fired == 0) {
        deliveries.record(deliveries.composer().missedFire(s.name(), fireTime, s.zone(), due,
            settings.missedFireGrace()));
      }
    }
  }

  /** The last fire time of the schedule in [from, to], or null. */
  static Instant lastFireBetween(TariffcastProperties.Schedule s, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return null;
    }
    try {
      CronExpression cron = new CronExpression(s.cron());
      cron.setTimeZone(TimeZone.getTimeZone(s.zone()));
      Instant last = null;
      Date next = cron.getNextValidTimeAfter(Date.from(from.minusMillis(1)));
      int guard = 0;
      while (next != null && !next.toInstant().isAfter(to) && guard++ < 100_000) {
        last = next.toInstant();
        next = cron.getNextValidTimeAfter(next);
      }
      return last;
    } catch (ParseException e) {
      return null;
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
