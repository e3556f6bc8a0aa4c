/**
 * The vocabulary of tariffcast: regions, sectors, trade matrices, tariff wedges, scenarios,
 * parameter distributions, run settings and result types, plus configuration loading and
 * validation. Immutable values with {@code of(...)} factories; validation in constructors.
 * This module knows no other tariffcast module and no Spring.
 */
package org.tariffcast.model;
