/**
 * Per-sector market equilibria for a tariff change: the linear GSIM solver and the exact
 * Armington-CES solver behind one interface, {@link org.tariffcast.simulation.equilibrium.EquilibriumSolver}, with
 * welfare by region. Markets of any number of regions, zero flows, intra-regional flows on the
 * diagonal and infinitely elastic export supply (SMART's setting).
 */
package org.tariffcast.simulation.equilibrium;
