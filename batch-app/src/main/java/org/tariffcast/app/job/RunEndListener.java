package org.tariffcast.app.job;

import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * A listener told when a run's job execution ends, after {@code projection_run} holds its final
 * status (mail delivery uses it). Beans of this type are registered on the projection job; an
 * exception from one is logged by Spring Batch and does not change the run's status.
 */
public interface RunEndListener extends JobExecutionListener {}
