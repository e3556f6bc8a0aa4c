/**
 * The tariffcast simulation engine: {@link org.tariffcast.simulation.ProjectionEngine} runs
 * Monte Carlo trials of a validated study into mergeable
 * {@link org.tariffcast.simulation.PartialResult}s and finishes them into a run result.
 */
package org.tariffcast.simulation;
