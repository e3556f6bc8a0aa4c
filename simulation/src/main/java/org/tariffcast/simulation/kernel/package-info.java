/**
 * The trial kernel: a study compiled to primitive lookups ({@link org.tariffcast.simulation.kernel.StudyPlan}),
 * the output layout ({@link org.tariffcast.simulation.kernel.OutputLayout}) and the per-thread
 * evaluation of one trial ({@link org.tariffcast.simulation.kernel.TrialKernel}).
 */
package org.tariffcast.simulation.kernel;
