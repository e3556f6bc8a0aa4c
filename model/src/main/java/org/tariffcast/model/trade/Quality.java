package org.tariffcast.model.trade;

import java.util.Locale;

/** How far a data value can be trusted, as stated by the row that carries it. */
public enum Quality {
  /** Taken as published by a statistical office or official database. */
  OFFICIAL,
  /** Computed from official figures by a stated rule (shares, differences, scaling). */
  DERIVED,
  /** Rounded, partial or assumed: replace with an official extract when one is available. */
  APPROX;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code official}, {@code derived} or {@code approx} (case-insensitive); null if none. */
  public static Quality parse(String text) {
    if (text == null) {
      return null;
    }
    for (Quality q : values()) {
      if (q.label().equalsIgnoreCase(text.trim())) {
        return q;
      }
    }
    return null;
  }
}
