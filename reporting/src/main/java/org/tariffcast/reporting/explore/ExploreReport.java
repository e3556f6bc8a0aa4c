package org.tariffcast.reporting.explore;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;
import org.tariffcast.model.explore.FrontierAnswer;
import org.tariffcast.model.explore.GoalSeek;
import org.tariffcast.model.explore.GoalSeekAnswer;
import org.tariffcast.model.explore.GridPoint;
import org.tariffcast.model.explore.LeverAxis;
import org.tariffcast.model.explore.Sweeps;
import org.tariffcast.model.lever.Lever;
import org.tariffcast.model.result.KpiKey;
import org.tariffcast.reporting.charts.ExploreCharts;
import org.tariffcast.reporting.charts.PngRenderer;
import org.tariffcast.reporting.explore.ExploreData.Quantity;
import org.tariffcast.reporting.io.AtomicFiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer's reports of a finished sweep, into one folder: {@code explorer-<id>.xlsx} (the
 * Explorer sheet: goal-seeks, frontier and one grid table per mapped quantity), a heat map PNG
 * per quantity (two levers) or a line chart PNG per quantity (one lever), a line chart per
 * goal-seek, {@code explore-brief-<id>.pdf} (one page: the sentences the numbers support and the
 * frontier's map) and {@code explore-summary.json} (grid, goal-seeks and frontier; see
 * reporting/SUMMARY-JSON.md). Every file is written atomically.
 */
public final class ExploreReport {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 560;

  private ExploreReport() {}

  /** Writes every file; returns their paths. */
  public static List<Path> write(Path folder, ExploreData data) throws IOException {
    List<Path> out = new ArrayList<>();
    ExploreCharts charts = new ExploreCharts(data.sourceLine());
    PngRenderer png = new PngRenderer(2);
    List<Quantity> qs = data.quantities();
    boolean twoLevers = data.plan().axes().size() == 2;
    byte[] frontierMap = null;
    for (int k = 0; k < qs.size(); k++) {
      Quantity q = qs.get(k);
      JFreeChart chart;
      if (twoLevers) {
        boolean frontierHere = data.frontier() != null && (q.target() == null
            || q.target().equals(data.frontier().frontier().target().name()));
        chart = charts.heatMap(data, q, frontierHere ? data.frontier() : null);
      } else {
        chart = charts.line(data, q, data.plan().axes().get(0).lever(), 0, "", null);
      }
      byte[] bytes = png.render(chart, WIDTH, HEIGHT);
      if (q.target() != null && data.frontier() != null
          && q.target().equals(data.frontier().frontier().target().name())) {
        frontierMap = bytes;
      }
      out.add(AtomicFiles.write(folder.resolve(String.format(Locale.ROOT, "explore-%s-%02d.png",
          twoLevers ? "map" : "line", k + 1)), bytes));
    }
    for (int g = 0; g < data.answers().size(); g++) {
      GoalSeek seek = data.plan().goalSeeks().get(g);
      GoalSeekAnswer a = data.answers().get(g);
      Quantity q = quantityOf(data, qs, seek);
      int fixedIndex = 0;
      String fixedWords = "";
      if (twoLevers) {
        String other = data.plan().axes().get(0).lever().equals(seek.lever()) ? data.plan().axes().get(1).lever()
            : data.plan().axes().get(0).lever();
        LeverAxis oa = data.plan().axes().stream().filter(x -> x.lever().equals(other)).findFirst().orElseThrow();
        fixedIndex = oa.values().indexOf(a.fixed().get(other));
        fixedWords = data.lever(other).label() + " at " + data.format(other, a.fixed().get(other));
      }
      byte[] bytes = png.render(charts.line(data, q, seek.lever(), fixedIndex, fixedWords, a), WIDTH, HEIGHT);
      out.add(AtomicFiles.write(folder.resolve(String.format(Locale.ROOT, "explore-goal-seek-%02d.png", g + 1)),
          bytes));
    }
    out.add(AtomicFiles.write(folder.resolve("explorer-" + data.sweepId() + ".xlsx"), workbook(data, qs)));
    out.add(AtomicFiles.write(folder.resolve("explore-brief-" + data.sweepId() + ".pdf"),
        brief(data, frontierMap)));
    out.add(AtomicFiles.write(folder.resolve("explore-summary.json"), json(data, qs)));
    return out;
  }

  /** The quantity a goal-seek reads: its target's probability, or its KPI (the median; the mean is not mapped). */
  static Quantity quantityOf(ExploreData data, List<Quantity> qs, GoalSeek seek) {
    if (seek.isProbability()) {
      return qs.stream().filter(q -> seek.target().name().equals(q.target())).findFirst()
          .orElseGet(() -> probabilityOf(data, seek.target().name()));
    }
    String title = "Median: " + data.kpiWords(seek.kpi());
    return qs.stream().filter(q -> q.title().equals(title)).findFirst().orElseGet(() -> {
      ExploreData one = new ExploreData(data.sweepId(), data.study(), data.home(), data.partner(), data.levers(),
          new org.tariffcast.model.explore.ExplorePlan(data.plan().scenario(), data.plan().trialsPerPoint(),
              data.plan().axes(), List.of(seek.kpi()), List.of(), List.of(), null),
          data.points(), List.of(), null, data.sourceLine());
      return one.quantities().get(0);
    });
  }

  private static Quantity probabilityOf(ExploreData data, String target) {
    var t = data.points().get(0).targets().stream().filter(x -> x.target().equals(target)).findFirst().orElseThrow();
    ExploreData one = new ExploreData(data.sweepId(), data.study(), data.home(), data.partner(), data.levers(),
        new org.tariffcast.model.explore.ExplorePlan(data.plan().scenario(), data.plan().trialsPerPoint(),
            data.plan().axes(), List.of(), List.of(new org.tariffcast.model.run.Target(t.target(),
                org.tariffcast.model.result.Metric.BILATERAL_BALANCE, KpiKey.TOTAL,
                org.tariffcast.model.result.Window.FINAL_YEAR, org.tariffcast.model.result.Measure.LEVEL,
                org.tariffcast.model.run.Target.Comparison.GE, 0)), List.of(), null),
        data.points(), List.of(), null, data.sourceLine());
    return one.quantities().get(0);
  }

  // ------------------------------------------------------------------ sentences

  /** The sentences the numbers support: the frontier at the first lever's default, its cheapest point, the goal-seeks. */
  public static List<String> sentences(ExploreData data) {
    List<String> out = new ArrayList<>();
    FrontierAnswer f = data.frontier();
    if (f != null && data.plan().axes().size() == 2) {
      LeverAxis xa = data.plan().axes().get(0);
      LeverAxis ya = data.plan().axes().get(1);
      Lever xl = data.lever(xa.lever());
      Lever yl = data.lever(ya.lever());
      int xi = nearest(xa.values(), xl.defaultValue());
      FrontierAnswer.BoundaryPoint b = f.boundary().get(xi);
      String aim = "to meet '" + f.frontier().target().name() + "' with a probability of at least "
          + pct(f.frontier().probability()) + " at " + lower(xl.label()) + " of " + data.format(xa.lever(), b.x());
      String what = lower(yl.label());
      out.add(switch (b.kind()) {
        case CROSSES -> capital(aim) + ", " + what + " must be at least " + data.format(ya.lever(), b.y())
            + " (read between grid values).";
        case ALREADY -> capital(aim) + ", nothing more is needed: it is met even at the lowest value swept of " + what
            + " (" + data.format(ya.lever(), b.y()) + ").";
        case NEVER -> capital(aim) + " is not possible within the values swept: even " + what + " of "
            + data.format(ya.lever(), ya.values().get(ya.size() - 1)) + " falls short.";
      });
      if (f.best() >= 0) {
        GridPoint best = data.points().get(f.best());
        var cost = best.kpi(f.frontier().cost());
        double v = f.frontier().statistic().of(cost);
        out.add("Of the " + f.meeting().size() + " of " + data.points().size() + " combinations that meet it, the one "
            + "with the " + (f.frontier().lowestIsBest() ? "lowest" : "highest") + " " + f.frontier().statistic().label()
            + " " + lower(data.kpiWords(f.frontier().cost())) + " (" + value(f.frontier().cost(), v) + ") is "
            + lower(xl.label()) + " at " + data.format(xa.lever(), best.lever(xa.lever())) + " with " + what + " at "
            + data.format(ya.lever(), best.lever(ya.lever())) + "; " + f.surely().size()
            + " of them meet it beyond sampling error (Wilson 95 % lower bound).");
      } else {
        out.add("No combination swept meets it.");
      }
    }
    for (int g = 0; g < data.answers().size(); g++) {
      GoalSeek seek = data.plan().goalSeeks().get(g);
      GoalSeekAnswer a = data.answers().get(g);
      String fixed = a.fixed().isEmpty() ? "" : " (" + String.join(", ", a.fixed().entrySet().stream()
          .map(e -> lower(data.lever(e.getKey()).label()) + " at " + data.format(e.getKey(), e.getValue())).toList())
          + ")";
      String label = lower(data.lever(seek.lever()).label());
      String aim = seek.isProbability()
          ? "the probability that '" + seek.target().name() + "' reaches " + pct(seek.level())
          : "the " + seek.statistic().label() + " " + lower(data.kpiWords(seek.kpi())) + " reaches "
              + value(seek.kpi(), seek.level());
      out.add(switch (a.outcome()) {
        case CROSSES -> capital(aim) + " at " + label + " of " + data.format(seek.lever(), a.value()) + fixed
            + "; 95 % interval " + (a.lowOpen() ? "at most " : "") + data.format(seek.lever(), a.low()) + " to "
            + (a.highOpen() ? "at least " : "") + data.format(seek.lever(), a.high()) + ".";
        case ABOVE_EVERYWHERE, BELOW_EVERYWHERE -> capital(aim) + " at no value of " + label + " swept" + fixed
            + ": it stays " + (a.outcome() == GoalSeekAnswer.Outcome.ABOVE_EVERYWHERE ? "above" : "below")
            + " that level throughout.";
      });
    }
    return out;
  }

  static int nearest(List<Double> values, double v) {
    int best = 0;
    for (int i = 1; i < values.size(); i++) {
      if (Math.abs(values.get(i) - v) < Math.abs(values.get(best) - v)) {
        best = i;
      }
    }
    return best;
  }

  static String value(KpiKey k, double v) {
    if (k.measure().isFraction()) {
      return String.format(Locale.ROOT, "%+.1f %%", v * 100);
    }
    return String.format(Locale.ROOT, "%+,.1f bn USD", v / 1e9);
  }

  static String pct(double p) {
    return String.format(Locale.ROOT, "%.0f %%", p * 100);
  }

  static String lower(String s) {
    if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s;
    }
    // keep proper names: only lower the first word when it is a common word
    String first = s.split(" ", 2)[0];
    return List.of("United", "US", "Vietnam", "Vietnam's", "China").contains(first) ? s
        : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ workbook

  static byte[] workbook(ExploreData data, List<Quantity> qs) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      Sheet sh = wb.createSheet("Explorer");
      XSSFFont boldFont = wb.createFont();
      boldFont.setBold(true);
      CellStyle bold = wb.createCellStyle();
      bold.setFont(boldFont);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      CellStyle num = wb.createCellStyle();
      num.setDataFormat(wb.createDataFormat().getFormat("#,##0.0"));
      CellStyle prob = wb.createCellStyle();
      prob.setDataFormat(wb.createDataFormat().getFormat("0%"));
      int r = 0;
      text(sh, r++, 0, "Sweep " + data.sweepId() + " of " + data.study() + ": " + data.plan().scenario() + ", "
          + data.points().size() + " combinations x " + data.points().get(0).trials()
          + " trials (the same trials at every combination)", bold);
      for (String s : sentences(data)) {
        text(sh, r++, 0, s, null);
      }
      r++;
      List<LeverAxis> axes = data.plan().axes();
      for (Quantity q : qs) {
        text(sh, r++, 0, q.title() + (q.target() != null ? "" : " (" + q.unit() + ")"), bold);
        LeverAxis xa = axes.get(0);
        if (axes.size() == 2) {
          LeverAxis ya = axes.get(1);
          Row head = sh.createRow(r++);
          head.createCell(0).setCellValue(data.lever(xa.lever()).key() + " \\ " + data.lever(ya.lever()).key());
          head.getCell(0).setCellStyle(bold);
          for (int j = 0; j < ya.size(); j++) {
            head.createCell(j + 1).setCellValue(data.format(ya.lever(), ya.values().get(j)));
            head.getCell(j + 1).setCellStyle(bold);
          }
          for (int i = 0; i < xa.size(); i++) {
            Row row = sh.createRow(r++);
            row.createCell(0).setCellValue(data.format(xa.lever(), xa.values().get(i)));
            for (int j = 0; j < ya.size(); j++) {
              var c = row.createCell(j + 1);
              c.setCellValue(q.values()[data.plan().index(i, j)]);
              c.setCellStyle(q.target() != null ? prob : num);
            }
          }
        } else {
          Row head = sh.createRow(r++);
          String[] h = {data.lever(xa.lever()).key(), q.target() != null ? "probability" : "median",
              q.target() != null ? "95 % low" : "p5", q.target() != null ? "95 % high" : "p95"};
          for (int c = 0; c < h.length; c++) {
            head.createCell(c).setCellValue(h[c]);
            head.getCell(c).setCellStyle(bold);
          }
          for (int i = 0; i < xa.size(); i++) {
            Row row = sh.createRow(r++);
            row.createCell(0).setCellValue(data.format(xa.lever(), xa.values().get(i)));
            double[] v = {q.values()[i], q.p5()[i], q.p95()[i]};
            for (int c = 0; c < 3; c++) {
              row.createCell(c + 1).setCellValue(v[c]);
              row.getCell(c + 1).setCellStyle(q.target() != null ? prob : num);
            }
          }
        }
        r++;
      }
      sh.setColumnWidth(0, 24 * 256);
      for (int c = 1; c <= 12; c++) {
        sh.setColumnWidth(c, 12 * 256);
      }
      wb.write(bytes);
      return bytes.toByteArray();
    }
  }

  private static void text(Sheet sh, int row, int col, String text, CellStyle style) {
    Row r = sh.getRow(row) == null ? sh.createRow(row) : sh.getRow(row);
    var c = r.createCell(col);
    c.setCellValue(text);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  // ------------------------------------------------------------------ brief page

  static byte[] brief(ExploreData data, byte[] map) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFont regular = font(doc, "DejaVuSans.ttf");
      PDFont bold = font(doc, "DejaVuSans-Bold.ttf");
      float margin = 50;
      float width = page.getMediaBox().getWidth() - 2 * margin;
      float y = page.getMediaBox().getHeight() - margin;
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        y = paragraph(cs, bold, 16, "What would it take: " + data.plan().scenario() + " over "
            + String.join(" and ", data.plan().axes().stream().map(a -> lower(data.lever(a.lever()).label())).toList()),
            margin, y, width, 20);
        y -= 4;
        y = paragraph(cs, regular, 9, data.points().size() + " combinations of the levers, each run on the same "
            + data.points().get(0).trials() + " trials (common random numbers): differences between neighbouring "
            + "combinations come from the levers alone. " + data.sourceLine(), margin, y, width, 12);
        y -= 10;
        for (String s : sentences(data)) {
          y = paragraph(cs, regular, 11, "\u2022 " + s, margin, y, width, 15);
          y -= 6;
        }
        if (map != null) {
          PDImageXObject image = PDImageXObject.createFromByteArray(doc, map, "frontier-map.png");
          float w = width;
          float h = w * image.getHeight() / image.getWidth();
          y -= 6;
          cs.drawImage(image, margin, y - h, w, h);
        }
      }
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  private static PDFont font(PDDocument doc, String file) throws IOException {
    try (InputStream in = ExploreReport.class.getResourceAsStream("/org/tariffcast/reporting/fonts/" + file)) {
      if (in == null) {
        throw new IOException("font " + file + " is missing from the reporting jar");
      }
      return PDType0Font.load(doc, in, true);
    }
  }

  /** Writes {@code text} wrapped to {@code width}; returns the y below it. */
  private static float paragraph(PDPageContentStream cs, PDFont font, float size, String text, float x, float y,
      float width, float leading) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (font.getStringWidth(next) / 1000 * size > width && line.length() > 0) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    cs.setNonStrokingColor(new Color(0x22, 0x22, 0x22));
    for (String l : lines) {
      y -= leading;
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(x, y);
      cs.showText(l);
      cs.endText();
    }
    return y;
  }

  // ------------------------------------------------------------------ summary json

  static byte[] json(ExploreData data, List<Quantity> qs) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("sweep_id", data.sweepId());
    root.put("study", data.study());
    root.put("scenario", data.plan().scenario());
    root.put("trials_per_point", data.points().get(0).trials());
    List<Object> levers = new ArrayList<>();
    for (LeverAxis a : data.plan().axes()) {
      Lever l = data.lever(a.lever());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", l.key());
      m.put("label", l.label());
      m.put("unit", l.unit());
      m.put("default", l.defaultValue());
      m.put("values", a.values());
      levers.add(m);
    }
    root.put("levers", levers);
    List<Object> grid = new ArrayList<>();
    for (GridPoint p : data.points()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", p.index());
      m.put("levers", p.levers());
      List<Object> kpis = new ArrayList<>();
      for (KpiKey k : data.plan().kpis()) {
        var s = p.kpi(k);
        Map<String, Object> km = new LinkedHashMap<>();
        km.put("metric", k.metric().label());
        km.put("breakdown", k.breakdown());
        km.put("window", k.window().label());
        km.put("measure", k.measure().label());
        km.put("mean", finite(s.stats().mean()));
        km.put("standard_error", finite(s.stats().standardError()));
        km.put("p5", finite(s.stats().percentiles().p5()));
        km.put("p50", finite(s.stats().percentiles().p50()));
        km.put("p95", finite(s.stats().percentiles().p95()));
        km.put("p50_ci_low", finite(s.medianCiLow()));
        km.put("p50_ci_high", finite(s.medianCiHigh()));
        kpis.add(km);
      }
      m.put("kpis", kpis);
      List<Object> targets = new ArrayList<>();
      for (var t : p.targets()) {
        if (data.plan().targets().stream().anyMatch(x -> x.name().equals(t.target()))) {
          targets.add(Map.of("target", t.target(), "probability", t.probability(), "ci_low", t.ciLow(), "ci_high",
              t.ciHigh()));
        }
      }
      m.put("targets", targets);
      grid.add(m);
    }
    root.put("grid", grid);
    List<Object> seeks = new ArrayList<>();
    for (int g = 0; g < data.answers().size(); g++) {
      GoalSeekAnswer a = data.answers().get(g);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", a.name());
      m.put("lever", a.lever());
      m.put("fixed", a.fixed());
      m.put("level", a.level());
      m.put("outcome", a.outcome().name().toLowerCase(Locale.ROOT));
      m.put("value", finite(a.value()));
      m.put("ci_low", finite(a.low()));
      m.put("ci_high", finite(a.high()));
      m.put("ci_low_open", a.lowOpen());
      m.put("ci_high_open", a.highOpen());
      seeks.add(m);
    }
    root.put("goal_seeks", seeks);
    if (data.frontier() != null) {
      FrontierAnswer f = data.frontier();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("target", f.frontier().target().name());
      m.put("probability", f.frontier().probability());
      m.put("cost", Map.of("metric", f.frontier().cost().metric().label(), "breakdown", f.frontier().cost().breakdown(),
          "window", f.frontier().cost().window().label(), "measure", f.frontier().cost().measure().label(),
          "statistic", f.frontier().statistic().label(), "best", f.frontier().lowestIsBest() ? "lowest" : "highest"));
      m.put("meeting", f.meeting());
      m.put("meeting_beyond_sampling_error", f.surely());
      m.put("best", f.best() < 0 ? null : f.best());
      List<Object> boundary = new ArrayList<>();
      for (FrontierAnswer.BoundaryPoint b : f.boundary()) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("x", b.x());
        bm.put("y", finite(b.y()));
        bm.put("kind", b.kind().name().toLowerCase(Locale.ROOT));
        boundary.add(bm);
      }
      m.put("boundary", boundary);
      root.put("frontier", m);
    }
    root.put("sentences", sentences(data));
    return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsBytes(root);
  }

  private static Object finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** Unused: keeps the import of Sweeps for javadoc links. */
  static String lever(String unit, double v) {
    return Sweeps.formatLever(unit, v);
  }
}
