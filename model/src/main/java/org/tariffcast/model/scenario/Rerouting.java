package org.tariffcast.model.scenario;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tariffcast.model.distribution.Parameter;

/**
 * Transshipment modelled as re-routing: a share of the base-year flow {@code via -> importer}
 * in each of {@code sectors} is goods of another {@code origin} routed through {@code via}, and
 * such goods choose their route by landed cost among: through {@code via} (paying via's rate, or
 * the transshipment rate of via's wedge when a transshipment share is in force: the goods deemed
 * transshipped are these), directly from the origin (its rate), or through one of
 * {@code thirdRoutes} (their rates). Every indirect route (via and the third routes) also costs
 * {@code routingCost} (ad valorem: freight, handling, paperwork and risk of going round).
 *
 * <p>Route j's share of the footloose goods is a logit (CES) in its landed cost
 * {@code C_j = T_j (1 + c_j)}: {@code s_j = C_j^-eta / sum_k C_k^-eta}. The pool is calibrated so
 * that at the base-year wedges its share through via equals {@code routedShare} of the base flow
 * via -> importer; when wedges change, the pool is redistributed over the routes at the new
 * costs (its total held), and each route's flow to the importer moves by its change, except that
 * a share {@code lostShare} of what arrives on a route is lost on the way. The goods that stay on
 * the routes are in the base flows already. See config/README.md, "rerouting".
 *
 * @param name e.g. {@code Chinese goods through Vietnam}
 * @param importer the importer whose flows are re-routed (the study's home region)
 * @param via the region the goods are routed through (its flow to the importer carries them)
 * @param origin the region whose goods they are (the direct route)
 * @param thirdRoutes other regions the goods may be routed through (may be empty), none of
 *     importer, via or origin
 * @param sectors the sectors where goods are re-routed, at least one
 * @param routedShare share of the base-year flow via -> importer that is the origin's goods, in [0, 1)
 * @param elasticity route-choice elasticity eta &gt; 0 (how strongly shares follow landed costs)
 * @param routingCost ad valorem cost of an indirect route, as a fraction of the customs value, &gt;= 0
 * @param lostShare share of the goods arriving on a new route that is lost on the way instead
 *     (seized, abandoned, not made at the higher cost), in [0, 1]; 0 by default
 * @param source where the shares and the elasticity come from
 */
public record Rerouting(
    String name,
    String importer,
    String via,
    String origin,
    List<String> thirdRoutes,
    List<String> sectors,
    Parameter routedShare,
    Parameter elasticity,
    Parameter routingCost,
    Parameter lostShare,
    String source) {

  public Rerouting {
    notBlank(name, "rerouting name");
    notBlank(importer, "importer of rerouting " + name);
    notBlank(via, "via of rerouting " + name);
    notBlank(origin, "origin of rerouting " + name);
    thirdRoutes = copy(thirdRoutes, "third routes of rerouting " + name);
    sectors = copy(sectors, "sectors of rerouting " + name);
    notNull(routedShare, "routed share of rerouting " + name);
    notNull(elasticity, "elasticity of rerouting " + name);
    notNull(routingCost, "routing cost of rerouting " + name);
    notNull(lostShare, "lost share of rerouting " + name);
    notBlank(source, "source of rerouting " + name);
    if (sectors.isEmpty()) {
      throw new IllegalArgumentException("rerouting " + name + " needs at least one sector, found none");
    }
    Set<String> distinct = new HashSet<>(List.of(importer, via, origin));
    if (distinct.size() != 3) {
      throw new IllegalArgumentException("rerouting " + name + " needs importer, via and origin all different, found "
          + importer + ", " + via + ", " + origin);
    }
    for (String q : thirdRoutes) {
      if (!distinct.add(q)) {
        throw new IllegalArgumentException("third route " + q + " of rerouting " + name
            + " must differ from importer, via, origin and the other third routes");
      }
    }
    if (routedShare.distribution().lowerBound() < 0 || !(routedShare.distribution().upperBound() < 1)) {
      throw new IllegalArgumentException("routed share of rerouting " + name + " must lie within [0, 1), found "
          + routedShare.distribution().spec());
    }
    if (!(elasticity.distribution().lowerBound() > 0) || !Double.isFinite(elasticity.distribution().upperBound())) {
      throw new IllegalArgumentException("route-choice elasticity of rerouting " + name
          + " must be > 0 and finite, found " + elasticity.distribution().spec());
    }
    if (lostShare.distribution().lowerBound() < 0 || lostShare.distribution().upperBound() > 1) {
      throw new IllegalArgumentException("lost share of rerouting " + name + " must lie within [0, 1], found "
          + lostShare.distribution().spec());
    }
    if (routingCost.distribution().lowerBound() < 0 || !Double.isFinite(routingCost.distribution().upperBound())) {
      throw new IllegalArgumentException("routing cost of rerouting " + name + " must be >= 0 and finite, found "
          + routingCost.distribution().spec());
    }
  }

  /** A rule under which nothing is lost on the way ({@code lostShare} fixed at 0). */
  public static Rerouting of(String name, String importer, String via, String origin, List<String> thirdRoutes,
      List<String> sectors, Parameter routedShare, Parameter elasticity, Parameter routingCost, String source) {
    return of(name, importer, via, origin, thirdRoutes, sectors, routedShare, elasticity, routingCost,
        Parameter.fixed("rerouting[" + name + "].lost_share", 0), source);
  }

  public static Rerouting of(String name, String importer, String via, String origin, List<String> thirdRoutes,
      List<String> sectors, Parameter routedShare, Parameter elasticity, Parameter routingCost, Parameter lostShare,
      String source) {
    return new Rerouting(name, importer, via, origin, thirdRoutes, sectors, routedShare, elasticity, routingCost,
        lostShare, source);
  }

  /** Its parameters in a fixed order: routed share, elasticity, routing cost, lost share. */
  public List<Parameter> parameters() {
    return List.of(routedShare, elasticity, routingCost, lostShare);
  }
}
