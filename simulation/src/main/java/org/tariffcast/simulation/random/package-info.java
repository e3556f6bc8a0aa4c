/**
 * Random streams derived from {@code (seed, trial)} alone, and the few inverse CDFs the kernel
 * draws through.
 */
package org.tariffcast.simulation.random;
