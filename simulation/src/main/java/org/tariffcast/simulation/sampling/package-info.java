/**
 * Sampling of the uncertain parameters: random, Latin hypercube and scrambled Sobol points in
 * the unit hypercube, a Gaussian copula for rank correlations, and the map to parameter values
 * through each distribution's quantile function.
 */
package org.tariffcast.simulation.sampling;
