/** Rank correlations of sampled parameters with KPIs, for tornado charts. */
package org.tariffcast.simulation.sensitivity;
