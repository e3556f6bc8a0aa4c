package org.tariffcast.reporting.workbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.tariffcast.model.result.RunInfo;
import org.tariffcast.model.result.ScenarioInfo;
import org.tariffcast.model.trade.DataSource;
import org.tariffcast.model.trade.Quality;

/**
 * Everything needed to know which configuration produced these numbers: the run's settings and
 * software versions, the scenarios with their weights, the targets, the data sources with their
 * quality flags, and the configuration snapshot file by file (path, size, SHA-256) and line by
 * line. Configuration text is written as text cells only.
 */
final class AssumptionsSheet {
  /** Lines of one configuration file shown at most; the snapshot in the database has them all. */
  static final int MAX_LINES_PER_FILE = 20_000;

  private final WorkbookContext ctx;
  private final XSSFSheet sheet;
  private final Cells cells;
  private final Styles st;

  AssumptionsSheet(WorkbookContext ctx, XSSFSheet sheet) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.cells = ctx.cells;
    this.st = ctx.styles;
  }

  void write() {
    Layout.widths(sheet, 34, 90, 12, 10, 70);
    RunInfo info = ctx.data.info();
    cells.text(sheet, 0, 0, "Assumptions and provenance", st.title);
    cells.paragraph(sheet, 1, 0, 1, "The configuration snapshot below is exactly what the run read; its SHA-256 identifies it.",
        st.subtitle);
    int r = 3;
    cells.text(sheet, r++, 0, "Run", st.section);
    cells.header(sheet, r++, 0, "Setting", "Value");
    r = setting(r, "Run id", Long.toString(info.runId()));
    r = setting(r, "Study", info.study());
    r = setting(r, "Title", info.title());
    r = setting(r, "Home region", info.home() + " (" + ctx.data.description().regionName(info.home()) + ")");
    r = setting(r, "Partner region", info.partner() + " (" + ctx.data.description().regionName(info.partner()) + ")");
    r = setting(r, "Configuration SHA-256", info.configSha256());
    r = setting(r, "Seed", Long.toString(info.seed()));
    r = setting(r, "Trials", Long.toString(info.trials()));
    r = setting(r, "Sampling", info.sampling().label());
    r = setting(r, "Solver", info.solver().label());
    r = setting(r, "Horizon", ctx.labels.horizon() + " (" + info.horizon().quarters() + " quarters)");
    r = setting(r, "Final year", ctx.labels.finalYear());
    r = setting(r, "Base year", Integer.toString(info.baseYear()));
    r = setting(r, "Started (UTC)", info.startedAt().toString());
    r = setting(r, "Finished (UTC)", info.finishedAt() == null ? "not finished" : info.finishedAt().toString());
    r = setting(r, "Report generated (UTC)", ctx.generatedAt.toString());
    for (Map.Entry<String, String> v : new TreeMap<>(info.versions()).entrySet()) {
      r = setting(r, "Version of " + v.getKey(), v.getValue());
    }
    r++;
    cells.text(sheet, r++, 0, "Scenarios", st.section);
    cells.header(sheet, r++, 0, "Scenario", "Description", "Weight");
    for (ScenarioInfo s : ctx.data.scenarios()) {
      cells.text(sheet, r, 0, s.name());
      cells.text(sheet, r, 1, s.description(), st.wrap);
      cells.number(sheet, r, 2, s.probability(), st.number(Styles.PERCENT));
      r++;
    }
    r = targets(r + 1);
    r = sources(r + 1);
    files(r + 1);
    sheet.createFreezePane(0, 2);
    ctx.print(sheet, 2);
  }

  private int setting(int r, String name, String value) {
    cells.text(sheet, r, 0, name);
    cells.text(sheet, r, 1, value);
    return r + 1;
  }

  private int targets(int r) {
    List<String> names = ctx.data.targetNames();
    if (names.isEmpty()) {
      return r;
    }
    cells.text(sheet, r++, 0, "Targets", st.section);
    cells.header(sheet, r++, 0, "Target", "Definition (metric/breakdown/window/measure comparison threshold)");
    for (String t : names) {
      cells.text(sheet, r, 0, t, st.wrap);
      String def = ctx.data.targetRule(t);
      cells.text(sheet, r, 1, def.isEmpty() ? "(not found in study.yml)" : def);
      r++;
    }
    return r;
  }

  private int sources(int r) {
    cells.text(sheet, r++, 0, "Data sources", st.section);
    cells.header(sheet, r++, 0, "File", "Source", "Quality", "Rows", "What the quality flag means");
    List<DataSource> sources = ctx.data.result().sources().stream()
        .sorted(Comparator.comparing(DataSource::file).thenComparing(DataSource::source)).toList();
    for (DataSource d : sources) {
      cells.text(sheet, r, 0, d.file());
      cells.text(sheet, r, 1, d.source(), st.wrap);
      cells.text(sheet, r, 2, d.quality().label(), d.quality() == Quality.APPROX ? st.textBold : st.text);
      cells.number(sheet, r, 3, d.rows(), st.number(Styles.COUNT));
      cells.text(sheet, r, 4, meaning(d.quality()));
      r++;
    }
    if (sources.isEmpty()) {
      cells.text(sheet, r++, 0, "The run lists no data sources.", st.note);
    }
    return r;
  }

  static String meaning(Quality q) {
    return switch (q) {
      case OFFICIAL -> "as published by a statistical office or official database";
      case DERIVED -> "computed from official figures by a stated rule";
      case APPROX -> "rounded, partial or assumed: replace with an official extract when available";
    };
  }

  private void files(int r) {
    Map<String, String> files = ctx.data.result().config().files();
    cells.text(sheet, r++, 0, "Configuration snapshot", st.section);
    cells.header(sheet, r++, 0, "File", "SHA-256 of its content", "Bytes", "Lines");
    for (Map.Entry<String, String> f : files.entrySet()) {
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      cells.text(sheet, r, 0, f.getKey());
      cells.text(sheet, r, 1, sha256(bytes));
      cells.number(sheet, r, 2, bytes.length, st.number(Styles.COUNT));
      cells.number(sheet, r, 3, lines(f.getValue()).size(), st.number(Styles.COUNT));
      r++;
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      r++;
      cells.text(sheet, r++, 0, f.getKey(), st.section);
      cells.header(sheet, r++, 0, "Line", "Text");
      List<String> lines = lines(f.getValue());
      int shown = Math.min(lines.size(), MAX_LINES_PER_FILE);
      for (int i = 0; i < shown; i++) {
        cells.number(sheet, r, 0, i + 1, st.number(Styles.COUNT));
        cells.text(sheet, r, 1, lines.get(i), st.code);
        r++;
      }
      if (shown < lines.size()) {
        cells.text(sheet, r++, 1, "… " + (lines.size() - shown) + " more lines: see the run's snapshot in the database",
            st.note);
      }
    }
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> out = List.of(text.split("\r\n|\n|\r", -1));
    return text.endsWith("\n") || text.endsWith("\r") ? out.subList(0, out.size() - 1) : out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
