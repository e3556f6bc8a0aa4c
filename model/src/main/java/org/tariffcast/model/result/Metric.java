package org.tariffcast.model.result;

import java.util.Locale;

/**
 * An output series, seen from the study's home region (e.g. the US) and its partner (e.g.
 * Vietnam). Values are USD per quarter, except where stated.
 */
public enum Metric {
  /** Home's imports from partner, at world prices. Breakdown: total or sector. */
  IMPORTS_FROM_PARTNER("Imports from partner"),
  /** Home's exports to partner, including purchase commitments. Breakdown: total or sector. */
  EXPORTS_TO_PARTNER("Exports to partner"),
  /** Exports to partner minus imports from partner (negative is a deficit). Breakdown: total. */
  BILATERAL_BALANCE("Bilateral balance"),
  /** Home's customs revenue on goods from partner. Breakdown: total or sector. */
  TARIFF_REVENUE("Tariff revenue"),
  /** Partner's exports to every destination (its export change is this against baseline). Breakdown: total or sector. */
  PARTNER_EXPORTS("Partner exports to the world"),
  /** Home's imports by source region: diversion to and from other suppliers. Breakdown: region. */
  HOME_IMPORTS_BY_SOURCE("Home imports by source"),
  /** Net welfare (consumer + producer surplus + tariff revenue change) against base, USD per quarter. Breakdown: region. */
  WELFARE("Net welfare");

  private final String title;

  Metric(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Metric parse(String text) {
    return org.tariffcast.model.Checks.byLabel(Metric.class, text);
  }
}
