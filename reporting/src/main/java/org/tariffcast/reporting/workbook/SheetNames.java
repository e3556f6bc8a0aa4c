package org.tariffcast.reporting.workbook;

import java.util.List;

/** The workbook's sheets, in order. */
public final class SheetNames {
  private SheetNames() {}

  public static final String SUMMARY = "Summary";
  public static final String SCENARIOS = "Scenarios";
  public static final String OUTLOOK = "Outlook over time";
  public static final String SECTORS = "Sectors";
  public static final String DRIVERS = "Drivers";
  public static final String CENTRAL_CASE = "Central case";
  public static final String CONVERGENCE = "Convergence";
  public static final String ASSUMPTIONS = "Assumptions";

  public static final List<String> ORDER = List.of(SUMMARY, SCENARIOS, OUTLOOK, SECTORS, DRIVERS, CENTRAL_CASE,
      CONVERGENCE, ASSUMPTIONS);
}
