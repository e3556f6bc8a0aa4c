package org.tariffcast.app.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Tells the console which step a run is in after the simulation (merge, report, publish), and keeps saying it. */
public class PhaseListener implements StepExecutionListener {
  private final ProgressMonitor monitor;
  private final String what;

  /** {@code what}: the step in words, e.g. "step 4 of 5, report: writing the workbook, charts and summary.json". */
  public PhaseListener(ProgressMonitor monitor, String what) {
    this.monitor = monitor;
    this.what = what;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    monitor.phase(stepExecution.getJobExecution().getJobInstance().getInstanceId(), what);
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    monitor.endPhase(stepExecution.getJobExecution().getJobInstance().getInstanceId());
    return null;
  }
}
