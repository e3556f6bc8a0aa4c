package org.tariffcast.reporting.text;

import org.tariffcast.model.result.Metric;
import org.tariffcast.reporting.content.ReportData;

/**
 * The side a report takes: the study's {@code perspective} (home or partner). Results are stored
 * from the home region's side (its imports from and exports to the partner, its balance); the
 * viewpoint names them as the perspective region would. With home US, partner VN:
 * <ul>
 *   <li>perspective US: "US imports from Vietnam", "the US deficit with Vietnam";
 *   <li>perspective VN: "Vietnam’s exports to the US", "Vietnam’s surplus with the US", the
 *       balance with its sign turned (Vietnam's balance is minus the US's).
 * </ul>
 * Region words come from the bundle ({@code region.US}, {@code region.possessive.US}, ...) and
 * else from the study's region names.
 */
public final class Viewpoint {
  private final ReportData data;
  private final Messages m;
  private final String home;
  private final String partner;
  private final String viewer;

  public Viewpoint(ReportData data, Messages m) {
    this.data = data;
    this.m = m;
    this.home = data.info().home();
    this.partner = data.info().partner();
    this.viewer = data.description().perspective();
  }

  /** True when the report takes the partner's side (e.g. Vietnam's in a study whose home is the US). */
  public boolean partnerSide() {
    return viewer.equals(partner) && !viewer.equals(home);
  }

  /** Region code whose side the report takes. */
  public String viewer() {
    return viewer;
  }

  /** The other region of the pair. */
  public String other() {
    return viewer.equals(home) ? partner : home;
  }

  /** The region as a noun, e.g. "the US", "Vietnam", "Hoa Kỳ". */
  public String noun(String code) {
    return m.getOr("region." + code, data.description().regionName(code));
  }

  /** The region as an owner, e.g. "the US", "Vietnam’s". */
  public String possessive(String code) {
    return m.getOr("region.possessive." + code, m.get("possessive", noun(code)));
  }

  /** The region as an adjective, e.g. "US". */
  public String adjective(String code) {
    return m.getOr("region.adjective." + code, possessive(code));
  }

  /**
   * The name of a metric from the viewpoint: imports from the partner become the partner's
   * exports to home on the partner's side, the balance is the viewer's.
   */
  public String metric(Metric metric) {
    boolean p = partnerSide();
    return switch (metric) {
      case IMPORTS_FROM_PARTNER -> p ? m.get("kpi.exportsTo", possessive(partner), noun(home))
          : m.get("kpi.importsFrom", adjective(home), noun(partner));
      case EXPORTS_TO_PARTNER -> p ? m.get("kpi.importsFrom", adjective(partner), noun(home))
          : m.get("kpi.exportsTo", possessive(home), noun(partner));
      case BILATERAL_BALANCE -> m.get("kpi.balance", possessive(viewer), noun(other()));
      case TARIFF_REVENUE -> m.get("kpi.revenue", adjective(home), noun(partner));
      case PARTNER_EXPORTS -> m.get("kpi.partnerWorld", possessive(partner));
      case HOME_IMPORTS_BY_SOURCE -> m.get("kpi.importsBySource", adjective(home));
      case WELFARE -> m.get("kpi.welfare");
    };
  }

  /** +1 or −1: the factor that turns the home region's balance into the viewer's. */
  public double balanceSign() {
    return viewer.equals(home) ? 1 : -1;
  }

  /** The viewer's balance as a noun phrase with its sign in words: "Vietnam’s surplus with the US". */
  public String balanceName(double homeBalanceUsd) {
    double v = homeBalanceUsd * balanceSign();
    return m.get(v < 0 ? "balance.deficitOf" : "balance.surplusOf", possessive(viewer), noun(other()));
  }
}
