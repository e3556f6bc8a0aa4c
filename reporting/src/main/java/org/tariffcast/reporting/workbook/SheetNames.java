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
  public static final String BENCHMARKS = "Published estimates";
  public static final String CENTRAL_CASE = "Central case";
  public static final String CONVERGENCE = "Convergence";
  public static final String ASSUMPTIONS = "Assumptions";

  /** Annex sheets holding the full tables behind the front sheets. */
  public static final String SCENARIO_DETAIL = "Scenario detail";
  public static final String OUTLOOK_DATA = "Outlook by quarter";
  public static final String SECTOR_DETAIL = "Sector detail";
  public static final String DRIVER_DETAIL = "Driver detail";

  /** The front workbook, the one that is printed: at most 25 landscape A4 pages for the default study. */
  public static final List<String> ORDER = List.of(SUMMARY, SCENARIOS, OUTLOOK, SECTORS, DRIVERS,
      BENCHMARKS);

  /** The annex workbook: the bulky tables an analyst reads on screen. */
  public static final List<String> ANNEX = List.of(SCENARIO_DETAIL, OUTLOOK_DATA, SECTOR_DETAIL, DRIVER_DETAIL,
      CENTRAL_CASE, CONVERGENCE, ASSUMPTIONS);

  /** Pages a front sheet may take on paper: the Summary 2, the others 4. */
  public static int maxPages(String sheet) {
    return sheet.equals(SUMMARY) ? 2 : ORDER.contains(sheet) ? 4 : Integer.MAX_VALUE;
  }
}
