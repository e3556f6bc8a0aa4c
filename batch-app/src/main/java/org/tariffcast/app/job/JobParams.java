package org.tariffcast.app.job;

/** Names of the projection job's parameters and of its execution-context entries. */
public final class JobParams {
  /** Identifying for a run from the command line: a fresh key per new run. */
  public static final String RUN_KEY = "run.key";
  /** Identifying for a scheduled run: the schedule's name... */
  public static final String SCHEDULE = "schedule";
  /** ...and its fire time in the schedule's zone: a night cannot run twice. */
  public static final String FIRE_TIME = "fire.time";
  /** The study folder read at the start of the run (non-identifying). */
  public static final String STUDY_DIR = "study.dir";
  /** Canonical run-setting overrides, e.g. {@code trials=2000;seed=7} (non-identifying). */
  public static final String OVERRIDES = "overrides";
  /** Worker threads of the simulate step (non-identifying: results do not depend on it). */
  public static final String THREADS = "threads";
  /** {@code cli} or {@code schedule} (non-identifying). */
  public static final String ORIGIN = "origin";

  /** Step execution context of a partition: its index and trial range [from, to). */
  public static final String PARTITION_INDEX = "partition.index";
  public static final String TRIALS_FROM = "trials.from";
  public static final String TRIALS_TO = "trials.to";

  public static final String JOB_NAME = "projection";
  public static final String VALIDATE_STEP = "validate";
  public static final String SIMULATE_STEP = "simulate";
  public static final String SIMULATE_PARTITION_STEP = "simulate-partition";
  public static final String MERGE_STEP = "merge";
  public static final String REPORT_STEP = "report";
  public static final String PUBLISH_STEP = "publish";

  private JobParams() {}
}
