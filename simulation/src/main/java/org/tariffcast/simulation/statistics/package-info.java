/**
 * Mergeable, order-independent statistics in bounded memory: exact sums
 * ({@link org.tariffcast.simulation.statistics.ExactSum}), exact moments, and percentile
 * sketches with a stated error ({@link org.tariffcast.simulation.statistics.QuantileSketch}).
 */
package org.tariffcast.simulation.statistics;
