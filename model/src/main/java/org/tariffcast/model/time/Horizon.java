package org.tariffcast.model.time;

import static org.tariffcast.model.Checks.notNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The projection horizon: {@code quarters} consecutive quarters starting at {@code start}.
 * Period index 0 is {@code start}. Flows in a period are USD per quarter.
 */
public record Horizon(YearQuarter start, int quarters) {
  public Horizon {
    notNull(start, "horizon start");
    if (quarters < 4 || quarters > 400) {
      throw new IllegalArgumentException("horizon quarters must be in [4, 400], found " + quarters);
    }
  }

  public static Horizon of(YearQuarter start, int quarters) {
    return new Horizon(start, quarters);
  }

  public YearQuarter end() {
    return start.plus(quarters - 1);
  }

  public YearQuarter quarter(int period) {
    if (period < 0 || period >= quarters) {
      throw new IllegalArgumentException("period must be in [0, " + (quarters - 1) + "], found " + period);
    }
    return start.plus(period);
  }

  /** The period index of a quarter: may be negative (before) or >= quarters (after). */
  public int periodOf(YearQuarter q) {
    return start.quartersUntil(q);
  }

  public boolean contains(YearQuarter q) {
    int p = periodOf(q);
    return p >= 0 && p < quarters;
  }

  /** The first period of the final four quarters (the "final year" of KPIs). */
  public int finalYearStart() {
    return quarters - 4;
  }

  public List<YearQuarter> all() {
    List<YearQuarter> out = new ArrayList<>(quarters);
    for (int i = 0; i < quarters; i++) {
      out.add(start.plus(i));
    }
    return out;
  }
}
