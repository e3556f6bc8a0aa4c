package org.tariffcast.app.job;

import org.springframework.batch.core.listener.StepExecutionListener;

/**
 * A listener on every partition of the simulate step. Beans of this type are registered on
 * the worker step; the application itself defines none (tests use it to fail a partition on
 * purpose, operators could use it for monitoring).
 */
public interface PartitionListener extends StepExecutionListener {}
