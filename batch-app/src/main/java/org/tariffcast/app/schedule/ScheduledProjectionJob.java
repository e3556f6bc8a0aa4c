package org.tariffcast.app.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.tariffcast.app.TariffcastProperties;
import org.tariffcast.app.job.ProjectionLauncher;

/**
 * What Quartz runs when a schedule fires: the projection job for (schedule, fire time), fire
 * time taken in the schedule's zone to the minute, e.g. {@code nightly} /
 * {@code 2026-11-23T02:00}. The fire is recorded in {@code schedule_fire}, with its outcome.
 */
@DisallowConcurrentExecution
public class ScheduledProjectionJob extends QuartzJobBean {
  static final String SCHEDULE = "schedule";
  private static final Logger log = LoggerFactory.getLogger(ScheduledProjectionJob.class);
  static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private ProjectionLauncher launcher;
  private TariffcastProperties properties;
  private FireLog fires;
  private ScheduleSwitches switches;

  @Autowired
  public void setLauncher(ProjectionLauncher launcher) {
    this.launcher = launcher;
  }

  @Autowired
  public void setProperties(TariffcastProperties properties) {
    this.properties = properties;
  }

  @Autowired
  public void setFires(FireLog fires) {
    this.fires = fires;
  }

  @Autowired
  public void setSwitches(ScheduleSwitches switches) {
    this.switches = switches;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) {
    String name = context.getMergedJobDataMap().getString(SCHEDULE);
    TariffcastProperties.Schedule schedule = properties.schedules().stream().filter(s -> s.name().equals(name))
        .findFirst().orElse(null);
    String instance;
    try {
      instance = context.getScheduler().getSchedulerInstanceId();
    } catch (SchedulerException e) {
      instance = "unknown";
    }
    if (schedule == null) {
      log.error("schedule {} fired but is no longer in the configuration", name);
      return;
    }
    String fireTime = fireTime(context, ZoneId.of(schedule.zone()));
    int closed = fires.closeAbandoned(instance);
    if (closed > 0) {
      log.info("closed {} fire record(s) of schedulers that stopped mid-fire", closed);
    }
    long fireId = fires.fired(name, fireTime, instance);
    if (switches != null && !switches.enabled(schedule)) {
      fires.ended(fireId, "SKIPPED", null, "switched off in the console");
      log.info("schedule {} {}: switched off in the console, not run", name, fireTime);
      return;
    }
    log.info("schedule {} fired for {} on {}", name, fireTime, instance);
    try {
      ProjectionLauncher.Outcome o = launcher.runScheduled(schedule, fireTime, context.isRecovering());
      fires.ended(fireId, o.status().name(), o.runId(), o.message().isEmpty() ? null : o.message());
      log.info("schedule {} {}: run {} {}", name, fireTime, o.runId(), o.status());
    } catch (ProjectionLauncher.RefusedException e) {
      fires.ended(fireId, "REFUSED", null, e.getMessage());
      log.warn("schedule {} {}: refused: {}", name, fireTime, e.getMessage());
    } catch (Exception e) {
      fires.ended(fireId, "ERROR", null, e.toString());
      log.error("schedule {} {}: could not run", name, fireTime, e);
    }
  }

  /**
   * The fire time that identifies the run. When the cluster re-fires the job of a scheduler that
   * died mid-run (Quartz "recovery"), it is the original fire's, so the interrupted run resumes.
   */
  static String fireTime(JobExecutionContext context, ZoneId zone) {
    java.time.Instant when = context.getScheduledFireTime().toInstant();
    if (context.isRecovering()) {
      String original = context.getMergedJobDataMap()
          .getString(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
      if (original != null) {
        when = java.time.Instant.ofEpochMilli(Long.parseLong(original));
      }
    }
    return LocalDateTime.ofInstant(when, zone).format(FIRE_TIME);
  }
}
