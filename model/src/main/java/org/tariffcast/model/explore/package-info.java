/**
 * The negotiation explorer's vocabulary: a sweep of the study's levers over a grid around one
 * base scenario ({@link org.tariffcast.model.explore.ExplorePlan}), the KPIs and targets it
 * maps, the goal-seeks ("what would it take") and the frontier it reports. Read from
 * {@code explore.yml} by {@link org.tariffcast.model.config.ConfigLoader#loadExplore}.
 */
package org.tariffcast.model.explore;
