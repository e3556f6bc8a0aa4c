/**
 * Benchmarks, run by hand: the engine ({@link EngineBenchmark} on a generated study or a study
 * folder), sweeps ({@link ExploreBenchmark}) and the solvers against a numpy solver on identical
 * markets ({@link SolverComparison} with {@code simulation/bench/solver_compare.py}).
 */
package org.tariffcast.simulation.bench;
