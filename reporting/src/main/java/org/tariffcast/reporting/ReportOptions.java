package org.tariffcast.reporting;

/** TEMPORARY stub of the reporting API (branch rep owns the real one). */
public record ReportOptions() {
  public static ReportOptions defaults() {
    return new ReportOptions();
  }
}
