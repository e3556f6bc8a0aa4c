package org.tariffcast.reporting.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.reporting.ReportFiles;
import org.tariffcast.reporting.Rendered;
import org.tariffcast.reporting.SmallRun;

/** Reads the workbook of the small run back with POI and checks what a reader would see. */
class WorkbookTest {
  @TempDir
  static Path dir;
  static ReportFiles files;
  static XSSFWorkbook wb;
  static XSSFWorkbook annex;

  @BeforeAll
  static void render() throws IOException {
    files = Rendered.write(SmallRun.result(), dir);
    wb = Rendered.open(files.workbook());
    annex = Rendered.open(files.annex());
  }

  @AfterAll
  static void close() throws IOException {
    wb.close();
    annex.close();
  }

  @Test
  void sheetsComeInTheAgreedOrder() {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    assertThat(names).containsExactly("Summary", "Scenarios", "Outlook over time", "Sectors", "Drivers",
        "Published estimates");
    assertThat(files.workbook().getFileName().toString()).isEqualTo("tariffcast-run-42.xlsx");
    List<String> annexNames = new ArrayList<>();
    annex.forEach(s -> annexNames.add(s.getSheetName()));
    assertThat(annexNames).containsExactly("Scenario detail", "Outlook by quarter", "Sector detail", "Driver detail",
        "Central case", "Convergence", "Assumptions");
    assertThat(files.annex().getFileName().toString()).isEqualTo("tariffcast-run-42-annex.xlsx");
  }

  @Test
  void summaryHeadlineNumbersAreTheFixtureStatistics() {
    Sheet s = wb.getSheet("Summary");
    // the final year; columns: level P50, change P5/P50/P95, % P5/P50/P95
    Row noDealImports = firstRow(s, "No deal (46%)", "US imports from Vietnam");
    assertThat(noDealImports.getCell(3).getNumericCellValue()).isEqualTo(103.5e9);
    assertThat(noDealImports.getCell(5).getNumericCellValue()).isEqualTo(-46.5e9);
    assertThat(noDealImports.getCell(7).getNumericCellValue()).isEqualTo(-0.40);
    assertThat(noDealImports.getCell(8).getNumericCellValue()).isEqualTo(-0.31);
    assertThat(noDealImports.getCell(9).getNumericCellValue()).isEqualTo(-0.22);
    assertThat(noDealImports.getCell(1).getNumericCellValue()).isEqualTo(0.2);

    Row frameworkBalance = firstRow(s, "Framework 20/40", "US trade balance with Vietnam");
    assertThat(frameworkBalance.getCell(3).getNumericCellValue()).isEqualTo(-113.0e9);
    assertThat(frameworkBalance.getCell(8).getNumericCellValue()).isEqualTo(0.17);

    Row baselineRevenue = firstRow(s, "Baseline", "US tariff revenue on goods from Vietnam");
    assertThat(baselineRevenue.getCell(3).getNumericCellValue()).isEqualTo(5.1e9);
    assertThat(baselineRevenue.getCell(5).getStringCellValue()).isEqualTo("–");

    Row outlookPartner = firstRow(s, "Outlook", "Vietnam's exports to the world");
    assertThat(outlookPartner.getCell(7).getNumericCellValue()).isEqualTo(-0.10);
    assertThat(outlookPartner.getCell(8).getNumericCellValue()).isEqualTo(-0.04);
    assertThat(outlookPartner.getCell(9).getNumericCellValue()).isEqualTo(0.015);

    // the whole horizon is on the Scenarios sheet: the fixture's horizon KPIs are 1.9 times the final year's levels
    Row horizonImports = rowWhere(wb.getSheet("Scenarios"), r -> text(r, 0).equals("No deal (46%)")
        && text(r, 1).equals("US imports from Vietnam") && text(r, 2).startsWith("Whole horizon"));
    assertThat(horizonImports.getCell(3).getNumericCellValue()).isCloseTo(196.65e9, within(1.0));
  }

  @Test
  void headlineCellsCarryUsdBillionAndPercentFormats() {
    Sheet s = wb.getSheet("Summary");
    Row r = firstRow(s, "No deal (46%)", "US imports from Vietnam");
    assertThat(r.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0,,,\" bn\"");
    assertThat(r.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0,,,\" bn\"");
    assertThat(r.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    assertThat(r.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    // POI's DataFormatter ignores the thousands-scaling commas; LibreOfficeTest checks the shown text "103.5 bn"
  }

  @Test
  void summaryHasOneSentencePerScenarioAndTheOutlook() {
    List<String> texts = texts(wb.getSheet("Summary"));
    assertThat(texts).contains("Under No deal (46%), US imports from Vietnam in 2027 are 31 % below baseline "
        + "(90 % interval 22–40 %), and the US trade balance with Vietnam is a deficit of USD 91.0 bn "
        + "(baseline: a deficit of USD 136.0 bn).");
    assertThat(texts).anyMatch(t -> t.startsWith("Under Framework 20/40, US imports from Vietnam in 2027 are 14.0 % "
        + "below baseline (90 % interval 8.0–20.0 %)"));
    assertThat(texts).anyMatch(t -> t.startsWith("Under Zero-for-zero, US imports from Vietnam in 2027 are 2.0 % "
        + "above baseline (90 % interval from 1.0 % below to 5.0 % above)"));
    assertThat(texts).anyMatch(t -> t.startsWith("Weighing the scenarios by their probabilities, US imports from "
        + "Vietnam in 2027 are 15.0 % below baseline"));
  }

  @Test
  void summaryGivesTheProbabilityOfEveryTarget() {
    Sheet s = wb.getSheet("Summary");
    Row header = rowWith(s, "Aim");
    List<String> columns = new ArrayList<>();
    header.forEach(c -> columns.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
    Row deficit = rowWhere(s, r -> text(r, 0).startsWith("Deficit shrinks by 20 % in the final year"));
    // the definition in words: bilateral_balance/total/final_year/pct_change_vs_baseline >= 0.2
    assertThat(text(deficit, 0)).isEqualTo("Deficit shrinks by 20 % in the final year (US trade balance with Vietnam "
        + "in 2027, change against baseline, at least +20 %)");
    assertThat(text(deficit, columns.indexOf("No deal (46%)"))).isEqualTo("81.0 %");
    assertThat(text(deficit, columns.indexOf("Framework 20/40"))).isEqualTo("34.0 %");
    assertThat(text(deficit, columns.indexOf("Outlook (weighted)"))).isEqualTo("36.6 %");
    Row imports = rowWhere(s, r -> text(r, 0).startsWith("US imports from Vietnam fall by a quarter"));
    assertThat(text(imports, columns.indexOf("No deal (46%)"))).isEqualTo("87.0 %");
    // the largest sampling margin of the fixture's targets is stated once, in words
    assertThat(texts(s)).anyMatch(t -> t.startsWith("Each probability is the share of trials that meet the aim")
        && t.contains("sampling noise, not doubt about the model"));
  }

  @Test
  void everySheetFreezesItsHeaderAndPrintsLandscapeWithAPrintAreaAndTitleRows() {
    for (XSSFWorkbook book : List.of(wb, annex)) {
      for (Sheet s : book) {
        PaneInformation pane = s.getPaneInformation();
        assertThat(pane).as(s.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).as(s.getSheetName()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).as(s.getSheetName()).isGreaterThanOrEqualTo((short) 2);
        assertThat(s.getPrintSetup().getLandscape()).as(s.getSheetName()).isTrue();
        // a print scale of its own rather than fit-to-page: page breaks are placed where charts and tables allow
        assertThat(s.getFitToPage()).as(s.getSheetName()).isFalse();
        assertThat(s.getPrintSetup().getScale()).as(s.getSheetName()).isBetween((short) 55, (short) 100);
        assertThat(book.getPrintArea(book.getSheetIndex(s))).as(s.getSheetName()).isNotNull();
        assertThat(s.getRepeatingRows()).as(s.getSheetName()).isNotNull();
        assertThat(s.getColumnWidth(0)).as(s.getSheetName()).isGreaterThan(8 * 256);
      }
    }
    assertThat(annex.getSheet("Scenario detail").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
    assertThat(annex.getSheet("Scenario detail").getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 5);
  }

  @Test
  void nativeChartsReadTheirCellsAndPicturesAreEmbedded() {
    XSSFChart outlookChart = charts(annex.getSheet("Outlook by quarter")).get(0);
    assertThat(outlookChart.getChartSeries().get(0).getSeriesCount()).isEqualTo(6);
    assertThat(outlookChart.getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
        .isEqualTo("'Outlook by quarter'!$B$7:$B$14");

    // the summary shows the scenario comparison with its intervals; the most likely scenario
    // (Framework 20/40) and the outlook get their waterfall and tornado in front, all of them in the annex
    assertThat(pictures(wb.getSheet("Summary"))).hasSize(1);
    assertThat(pictures(wb.getSheet("Outlook over time"))).hasSize(4);
    assertThat(pictures(wb.getSheet("Scenarios"))).hasSize(2);
    assertThat(pictures(wb.getSheet("Sectors"))).hasSize(2);
    assertThat(pictures(wb.getSheet("Drivers"))).hasSize(2);
    assertThat(pictures(annex.getSheet("Sector detail"))).hasSize(4);
    assertThat(pictures(annex.getSheet("Convergence"))).hasSize(1);
    XSSFPicture fan = pictures(wb.getSheet("Outlook over time")).get(0);
    assertThat(fan.getClientAnchor().getCol2()).isGreaterThan(fan.getClientAnchor().getCol1());
    assertThat(fan.getClientAnchor().getRow2() - fan.getClientAnchor().getRow1()).isGreaterThan(10);
  }

  @Test
  void theWorkbookHoldsNoFormulas() {
    for (Sheet s : wb) {
      for (Row r : s) {
        for (Cell c : r) {
          assertThat(c.getCellType()).as(s.getSheetName() + "!" + c.getAddress()).isNotEqualTo(CellType.FORMULA);
        }
      }
    }
    assertThat(wb.getPackage().getPartsByName(java.util.regex.Pattern.compile("/xl/externalLinks/.*"))).isEmpty();
  }

  @Test
  void scenarioDetailSetsScenariosSideBySide() {
    Sheet s = annex.getSheet("Scenario detail");
    Row groups = s.getRow(3);
    assertThat(groups.getCell(5).getStringCellValue()).isEqualTo("No deal (46%)");
    assertThat(groups.getCell(8).getStringCellValue()).isEqualTo("Framework 20/40");
    assertThat(groups.getCell(14).getStringCellValue()).isEqualTo("Baseline");
    Row r = rowWhere(s, row -> text(row, 0).equals("US imports from Vietnam") && text(row, 2).equals("Final year (2027)")
        && text(row, 3).equals("% change vs baseline"));
    assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(-0.40);
    assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(-0.31);
    assertThat(r.getCell(7).getNumericCellValue()).isEqualTo(-0.22);
    assertThat(r.getCell(9).getNumericCellValue()).isEqualTo(-0.14);
    assertThat(r.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
  }

  @Test
  void outlookSheetHasAQuarterlyBandTable() {
    Sheet s = annex.getSheet("Outlook by quarter");
    Row header = rowWith(s, "Quarter");
    assertThat(text(header, 1)).isEqualTo("Outlook P5");
    assertThat(text(header, 4)).isEqualTo("Outlook P50");
    assertThat(text(header, 9)).isEqualTo("Baseline P50");
    Row first = s.getRow(header.getRowNum() + 1);
    assertThat(text(first, 0)).isEqualTo("2026Q1");
    // baseline 2026Q1: exports 3.3 bn minus imports 36.0 bn
    assertThat(first.getCell(9).getNumericCellValue()).isCloseTo(-32.7e9, within(1.0));
    assertThat(text(s.getRow(header.getRowNum() + 8), 0)).isEqualTo("2027Q4");
  }

  @Test
  void sectorsAreSortedByImpact() {
    Sheet s = annex.getSheet("Sector detail");
    List<String> noDeal = new ArrayList<>();
    List<String> zero = new ArrayList<>();
    for (Row r : s) {
      if (text(r, 1).equals("US imports from Vietnam") && text(r, 0).equals("No deal (46%)")) {
        noDeal.add(text(r, 2));
      }
      if (text(r, 1).equals("US imports from Vietnam") && text(r, 0).equals("Zero-for-zero")) {
        zero.add(text(r, 2));
      }
    }
    assertThat(noDeal).containsExactly("Electronics", "Apparel");   // -27.1 bn before -19.3 bn
    assertThat(zero).containsExactly("Apparel", "Electronics");     // +1.9 bn before +1.1 bn
    Row elec = rowWhere(s, r -> text(r, 0).equals("No deal (46%)") && text(r, 2).equals("Electronics"));
    assertThat(elec.getCell(3).getNumericCellValue()).isCloseTo(95.3e9, within(1.0));
    assertThat(elec.getCell(6).getNumericCellValue()).isCloseTo(-27.1e9, within(1.0));
    assertThat(elec.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00,,,\" bn\"");
  }

  @Test
  void driversRankByTheirSwingInUsdWithLabelsAndTheCorrelatedBlockOnce() {
    Sheet s = annex.getSheet("Driver detail");
    List<Row> noDeal = new ArrayList<>();
    s.forEach(r -> {
      if (text(r, 0).equals("No deal (46%)")) {
        noDeal.add(r);
      }
    });
    // SmallRun's No deal swings of the balance: the elasticity block -9 bn, then the effective date
    // +3.8 bn, half-life +3.0, Em +2.2, capacity -1.5, transshipment +0.5, LNG +0.1 bn: 7 drivers
    assertThat(noDeal).hasSize(7);
    assertThat(text(noDeal.get(0), 3)).isEqualTo("Substitution elasticity (2 parameters moving together)");
    assertThat(noDeal.get(0).getCell(4).getNumericCellValue()).isCloseTo(-9e9, within(1.0));
    assertThat(text(noDeal.get(0), 8)).isEqualTo("Es.APPAREL.US + 1 more");
    assertThat(text(noDeal.get(1), 3)).isEqualTo("scenario[No deal (46%)].regime[reciprocal].effective");
    assertThat(noDeal.get(1).getCell(4).getNumericCellValue()).isCloseTo(3.8e9, within(1.0));
    assertThat(text(noDeal.get(5), 3)).isEqualTo("Share of Vietnam's goods deemed transshipped");
    assertThat(text(noDeal.get(6), 3)).isEqualTo("commitment[LNG].fulfilment");
    assertThat(texts(s)).noneMatch(t -> t.equals("Es.ELEC.US"));
    // the outlook: the scenario first (means of the balance change 4.5, 23, 45 bn with probabilities 0.2, 0.6,
    // 0.2: its lowest tenth is Zero-for-zero's 4.5, its highest No deal's 45, a swing of 40.5 bn), then the
    // block's swings under each scenario weighted by probability: 0.2 x -9 + 0.6 x -7 + 0.2 x -1.5 = -6.3 bn
    List<Row> outlook = new ArrayList<>();
    s.forEach(r -> {
      if (text(r, 0).equals("Outlook")) {
        outlook.add(r);
      }
    });
    assertThat(text(outlook.get(0), 3)).startsWith("Which scenario happens (");
    assertThat(outlook.get(0).getCell(4).getNumericCellValue()).isCloseTo(40.5e9, within(1.0));
    assertThat(text(outlook.get(1), 3)).isEqualTo("Substitution elasticity (2 parameters moving together)");
    assertThat(outlook.get(1).getCell(4).getNumericCellValue()).isCloseTo(-6.3e9, within(1.0));
  }

  @Test
  void centralCaseShowsWelfareAndFlows() {
    Sheet s = annex.getSheet("Central case");
    Row us = rowWhere(s, r -> text(r, 0).equals("United States (US)") && r.getCell(5) != null
        && r.getCell(5).getCellType() == CellType.NUMERIC);
    assertThat(us.getCell(1).getNumericCellValue()).isEqualTo(0.004);
    assertThat(us.getCell(2).getNumericCellValue()).isCloseTo(-9.8e9, within(1.0));
    assertThat(us.getCell(5).getNumericCellValue()).isCloseTo(17.5e9, within(1.0));
    assertThat(texts(s)).contains("No deal (46%) · regime reciprocal · Electronics (ELEC)",
        "Flows after, USD bn per year");
  }

  @Test
  void assumptionsCarryTheSnapshotHashAndTheQualityFlags() {
    Sheet s = annex.getSheet("Assumptions");
    assertThat(text(rowWith(s, "Configuration SHA-256"), 1)).isEqualTo(SmallRun.result().info().configSha256());
    assertThat(text(rowWith(s, "Seed"), 1)).isEqualTo("20250402");
    assertThat(text(rowWith(s, "Sampling"), 1)).isEqualTo("lhs");
    assertThat(text(rowWith(s, "Solver"), 1)).isEqualTo("ces");
    assertThat(text(rowWith(s, "Version of tariffcast"), 1)).isEqualTo("0.1.0-SNAPSHOT");
    Row flows = rowWhere(s, r -> text(r, 0).equals("flows.csv") && text(r, 2).equals("approx"));
    assertThat(text(flows, 1)).isEqualTo("US Census 2024, HS 85 (approx.)");
    assertThat(texts(s)).contains("name: us-vietnam-2025", "  - {code: VN, name: Vietnam}");
  }

  // ------------------------------------------------------------------ helpers

  static String text(Row r, int c) {
    if (r == null || r.getCell(c) == null || r.getCell(c).getCellType() != CellType.STRING) {
      return "";
    }
    return r.getCell(c).getStringCellValue();
  }

  static List<Row> rows(Sheet s, String scenario, String indicator) {
    List<Row> out = new ArrayList<>();
    s.forEach(r -> {
      if (text(r, 0).equals(scenario) && text(r, 2).equals(indicator)) {
        out.add(r);
      }
    });
    return out;
  }

  static Row firstRow(Sheet s, String scenario, String indicator) {
    List<Row> found = rows(s, scenario, indicator);
    assertThat(found).as(scenario + " / " + indicator).isNotEmpty();
    return found.get(0);
  }

  static Row rowWith(Sheet s, String firstCell) {
    return rowWhere(s, r -> text(r, 0).equals(firstCell));
  }

  static Row rowWhere(Sheet s, java.util.function.Predicate<Row> p) {
    for (Row r : s) {
      if (p.test(r)) {
        return r;
      }
    }
    throw new AssertionError("no such row in " + s.getSheetName());
  }

  @Test
  void theSummarysKeyFindingsAreInTheReportsLanguageFromTheStudysSide() throws IOException {
    // the fixture from Vietnam's side: Framework 20/40's US imports from Vietnam 14 % below baseline (P5 -20 %,
    // P95 -8 %), the US balance -113.0 bn against the baseline's -136.0 bn: Vietnam's surplus of 113.0 bn
    var data = org.tariffcast.reporting.content.ReportData.of(SmallRun.withPerspective("VN"));
    try (XSSFWorkbook vi = new WorkbookRenderer(5, "vi").build(data, List.of(), Rendered.NOW);
        XSSFWorkbook en = new WorkbookRenderer(5, "en").build(data, List.of(), Rendered.NOW)) {
      List<String> summary = texts(vi.getSheet("Summary"));
      assertThat(summary).contains("Những phát hiện chính");
      assertThat(summary).contains("Theo kịch bản Framework 20/40, xuất khẩu của Việt Nam sang Hoa Kỳ trong năm 2027 "
          + "thấp hơn kịch bản cơ sở 14,0 % (khoảng 90 %: 8,0–20,0 %); thặng dư thương mại của Việt Nam với Hoa Kỳ là "
          + "113,0 tỷ USD (kịch bản cơ sở: 136,0 tỷ USD).");
      assertThat(texts(en.getSheet("Summary"))).contains("Under Framework 20/40, Vietnam’s exports to the US in 2027 "
          + "are 14.0 % below baseline (90 % interval 8.0–20.0 %), and Vietnam’s surplus with the US is USD 113.0 bn "
          + "(baseline: USD 136.0 bn).");
    }
  }

  @Test
  void theVietnameseFrontSheetsHaveVietnameseHeadingsAndNameTradeFromVietnamsSide() throws IOException {
    var data = org.tariffcast.reporting.content.ReportData.of(SmallRun.withPerspective("VN"));
    var charts = new org.tariffcast.reporting.charts.ChartBook(1, 5).render(data, "source", "vi");
    try (XSSFWorkbook vi = new WorkbookRenderer(5, "vi").build(data, charts, Rendered.NOW);
        XSSFWorkbook en = new WorkbookRenderer(5, "en").build(data, charts, Rendered.NOW)) {
      List<String> summary = texts(vi.getSheet("Summary"));
      // headings and columns from the Vietnamese bundle
      assertThat(summary).contains("Các chỉ tiêu chính, năm cuối (năm 2027)", "Kịch bản", "Xác suất", "Chỉ tiêu",
          "Thay đổi so với cơ sở (tỷ USD)", "% thay đổi so với cơ sở", "Xác suất đạt được từng mục tiêu", "Mục tiêu");
      // the fixture's US imports from Vietnam, named from Vietnam's side; the balance keeps the US's name and sign
      assertThat(summary).contains("Xuất khẩu của Việt Nam sang Hoa Kỳ", "Cán cân thương mại của Hoa Kỳ với Việt Nam");
      assertThat(summary).doesNotContain("US imports from Vietnam", "Headline indicators, final year (2027)", "Scenario", "Outlook");
      assertThat(summary).contains("Triển vọng (bình quân có trọng số)");
      // the aims' table names each aim as the brief does (the US balance's change >= +20 %: Vietnam's surplus smaller)
      assertThat(summary).contains("Thặng dư thương mại của Việt Nam với Hoa Kỳ thu hẹp ít nhất 20 % trong năm 2027 so "
          + "với kịch bản cơ sở", "34,0 %");
      assertThat(texts(vi.getSheet("Scenarios"))).contains("Các kịch bản đặt cạnh nhau", "Khoảng thời gian");
      assertThat(texts(vi.getSheet("Drivers"))).contains("Các yếu tố gây bất định", "Biên độ (USD)",
          "Tương quan thứ hạng");
      assertThat(texts(vi.getSheet("Outlook over time"))).contains("Triển vọng theo thời gian", "Quý");
      assertThat(texts(vi.getSheet("Sectors"))).contains("Các ngành", "Ngành", "Thay đổi P50");
      // the charts' titles in Vietnamese (the tornado's subtitle names the KPI from Vietnam's side)
      assertThat(charts).extracting(c -> c.title()).contains(
          "So sánh các kịch bản: thay đổi so với kịch bản cơ sở trong năm 2027");
      assertThat(charts).extracting(c -> c.title()).anyMatch(t -> t.startsWith("Các yếu tố gây bất định theo"));
      assertThat(charts).extracting(c -> c.title()).contains("Xuất khẩu của Việt Nam sang Hoa Kỳ trong năm 2027, "
          + "theo ngành", "Cán cân thương mại của Hoa Kỳ với Việt Nam trong năm 2027: phân bố qua các lần mô phỏng");
      // English from Vietnam's side: the same indicator as Vietnam's exports
      assertThat(texts(en.getSheet("Summary"))).contains("Vietnam’s exports to the US", "Headline indicators, "
          + "final year (2027)").doesNotContain("US imports from Vietnam");
    }
  }

  static List<String> texts(Sheet s) {
    List<String> out = new ArrayList<>();
    s.forEach(r -> r.forEach(c -> {
      if (c.getCellType() == CellType.STRING) {
        out.add(c.getStringCellValue());
      }
    }));
    return out;
  }

  static List<XSSFChart> charts(Sheet s) {
    XSSFDrawing d = ((XSSFSheet) s).getDrawingPatriarch();
    return d == null ? List.of() : d.getCharts();
  }

  static List<XSSFPicture> pictures(Sheet s) {
    XSSFDrawing d = ((XSSFSheet) s).getDrawingPatriarch();
    List<XSSFPicture> out = new ArrayList<>();
    if (d != null) {
      for (XSSFShape shape : d.getShapes()) {
        if (shape instanceof XSSFPicture p) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
