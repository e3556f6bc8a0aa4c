package org.tariffcast.model.run;

import java.util.Locale;

/** The equilibrium solver of every sector market. */
public enum SolverKind {
  /** GSIM: linear in world price changes, exact as Francois and Hall (2003) state it. */
  LINEAR,
  /** Exact Armington-CES in hat algebra, solved by Newton from the linear solution. */
  CES;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SolverKind parse(String text) {
    return org.tariffcast.model.Checks.byLabel(SolverKind.class, text);
  }
}
