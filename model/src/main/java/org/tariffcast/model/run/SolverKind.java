package org.tariffcast.model.run;

import java.util.Locale;

/** The equilibrium solver of every sector market. */
public enum SolverKind {
  /** GSIM's linear model: prices, flows and welfare by the equations Francois and Hall (2003) publish. */
  LINEAR,
  /** Exact Armington-CES in hat algebra, solved by Newton from the base prices. */
  CES;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SolverKind parse(String text) {
    return org.tariffcast.model.Checks.byLabel(SolverKind.class, text);
  }
}
