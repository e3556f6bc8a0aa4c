package org.tariffcast.app.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.app.TariffcastProperties;

/**
 * Puts the schedules of {@code config/application.yml} into Quartz's job store and starts the
 * scheduler. A schedule whose cron expression and zone did not change keeps its trigger, so a
 * fire missed while no scheduler was up is detected as a misfire and runs once on start-up
 * (fire-and-proceed), not once per missed night. Changed schedules get a new trigger, removed
 * or disabled ones lose theirs. Schedulers sharing a database form a Quartz cluster: each fire
 * runs on one of them.
 */
public class ScheduleService {
  static final String GROUP = "tariffcast";
  private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
  private final Scheduler scheduler;
  private final TariffcastProperties properties;

  public ScheduleService(Scheduler scheduler, TariffcastProperties properties) {
    this.scheduler = scheduler;
    this.properties = properties;
  }

  /** Registers the schedules and starts firing them; returns one line per enabled schedule. */
  public List<String> start() throws SchedulerException {
    List<String> lines = register();
    scheduler.start();
    return lines;
  }

  public List<String> register() throws SchedulerException {
    List<String> lines = new ArrayList<>();
    List<String> wanted = new ArrayList<>();
    for (TariffcastProperties.Schedule s : properties.schedules()) {
      TriggerKey key = TriggerKey.triggerKey(s.name(), GROUP);
      if (!s.enabled()) {
        if (scheduler.unscheduleJob(key)) {
          log.info("schedule {} disabled: trigger removed", s.name());
        }
        lines.add(s.name() + ": disabled");
        continue;
      }
      wanted.add(s.name());
      CronTrigger trigger = trigger(s);
      Trigger existing = scheduler.getTrigger(key);
      if (existing instanceof CronTrigger c && Objects.equals(c.getCronExpression(), s.cron())
          && Objects.equals(c.getTimeZone().getID(), TimeZone.getTimeZone(s.zone()).getID())) {
        log.debug("schedule {} unchanged", s.name());
      } else if (existing != null) {
        scheduler.rescheduleJob(key, trigger);
        log.info("schedule {} changed: {} ({})", s.name(), s.cron(), s.zone());
      } else {
        try {
          scheduler.scheduleJob(job(s), Set.of(trigger), true);
          log.info("schedule {} added: {} ({})", s.name(), s.cron(), s.zone());
        } catch (ObjectAlreadyExistsException e) {
          log.debug("schedule {} registered meanwhile by another scheduler", s.name());
        }
      }
      Trigger now = scheduler.getTrigger(key);
      lines.add(s.name() + ": " + s.cron() + " (" + s.zone() + ")"
          + (s.trials() == null ? "" : ", " + s.trials() + " trials")
          + ", next fire " + (now == null || now.getNextFireTime() == null ? "-" : now.getNextFireTime().toInstant()));
    }
    for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
      if (!wanted.contains(key.getName())) {
        scheduler.unscheduleJob(key);
        log.info("schedule {} no longer configured: trigger removed", key.getName());
      }
    }
    return lines;
  }

  static JobDetail job(TariffcastProperties.Schedule s) {
    return JobBuilder.newJob(ScheduledProjectionJob.class)
        .withIdentity(JobKey.jobKey(s.name(), GROUP))
        .usingJobData(ScheduledProjectionJob.SCHEDULE, s.name())
        .requestRecovery(true)
        .storeDurably(false)
        .build();
  }

  static CronTrigger trigger(TariffcastProperties.Schedule s) {
    return TriggerBuilder.newTrigger()
        .withIdentity(TriggerKey.triggerKey(s.name(), GROUP))
        .forJob(JobKey.jobKey(s.name(), GROUP))
        .withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).inTimeZone(TimeZone.getTimeZone(s.zone()))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }
}
