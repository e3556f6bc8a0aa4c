package org.tariffcast.reporting.brief;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import org.tariffcast.reporting.charts.ChartBook;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.text.ChangedSince;
import org.tariffcast.reporting.text.Messages;
import org.tariffcast.reporting.text.Reconciliation;

/**
 * Writes the leadership brief {@code tariffcast-brief-run-<id>.pdf}: A4 portrait, the bottom
 * line, the scenario chart with its intervals, the baseline and the data-quality line on page 1;
 * the scenario table, the drivers and how to read the figures after it. Apache PDFBox 3 writes the
 * PDF (Apache-licensed, maintained, no office suite needed at run time) and its Graphics2D bridge
 * (de.rototor.pdfbox:graphics2d) lets JFreeChart draw the chart as vectors, so it stays sharp
 * when printed or zoomed. The document's dates come from the render instant, so the same run
 * renders the same text.
 */
public final class BriefRenderer {
  static final float WIDTH = PDRectangle.A4.getWidth();
  static final float HEIGHT = PDRectangle.A4.getHeight();
  static final float MARGIN = 54;
  static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;
  static final float TEXT_HEIGHT = HEIGHT - 2 * MARGIN;
  static final Color DARK = new Color(0x1F, 0x3A, 0x5F);
  static final Color MUTED = new Color(0x59, 0x59, 0x59);

  /** The brief's file name for a run. */
  public static String fileName(long runId) {
    return "tariffcast-brief-run-" + runId + ".pdf";
  }

  private final Messages messages;

  /** A brief in English. */
  public BriefRenderer() {
    this(Messages.english());
  }

  /** A brief in the language of {@code messages}. */
  public BriefRenderer(Messages messages) {
    this.messages = messages;
  }

  /**
   * Writes the brief of {@code data} to {@code out}. The scenario chart is drawn afresh in the
   * brief's language and perspective; {@code comparison} (the workbook's, in English) is only a
   * fallback and may be empty.
   */
  public void write(ReportData data, Optional<JFreeChart> comparison, Instant generatedAt, OutputStream out)
      throws IOException {
    BriefText text = new BriefText(data, messages);
    try (PDDocument doc = new PDDocument()) {
      BriefFonts fonts = BriefFonts.load(doc);
      Flow flow = new Flow(doc, fonts, text::footer);
      flow.paragraph(text.title(), fonts.bold, 17, DARK, 4);
      flow.paragraph(text.runLine(), fonts.regular, 8.5f, MUTED, 2);
      flow.paragraph(text.perspectiveLine(), fonts.regular, 8.5f, MUTED, 10);
      flow.paragraph(text.words("heading.bottomLine"), fonts.bold, 12.5f, DARK, 4);
      for (String s : text.bottomLine()) {
        flow.paragraph(s, fonts.regular, 10.5f, Color.BLACK, 5);
      }
      List<String> aims = text.aims();
      if (!aims.isEmpty()) {
        flow.paragraph(text.words("heading.aims"), fonts.bold, 10.5f, Color.BLACK, 2);
        for (String a : aims) {
          flow.paragraph("\u2022 " + a, fonts.regular, 10, Color.BLACK, 1.5f);
        }
        flow.space(4);
      }
      flow.paragraph(text.howSure(), fonts.regular, 9.5f, MUTED, 6);
      Optional<JFreeChart> chart = BriefChart.comparison(data, text, generatedAt).or(() -> comparison);
      if (chart.isPresent()) {
        // the baseline and data-quality lines stay on page 1 under the chart: the chart shrinks to leave them room
        int[] size = ChartBook.comparisonSize(data);
        float reserve = flow.height(text.baseline(), fonts.regular, 9.5f, 3) + flow.height(text.dataQuality(),
            fonts.regular, 9.5f, 3);
        flow.chart(chart.get(), size[0], size[1], reserve);
      }
      flow.paragraph(text.baseline(), fonts.regular, 9.5f, Color.BLACK, 3);
      flow.paragraph(text.dataQuality(), fonts.regular, 9.5f, Color.BLACK, 3);

      flow.newPage();
      flow.paragraph(text.words("heading.scenarios", text.finalYear()), fonts.bold, 12.5f, DARK, 3);
      flow.paragraph(text.words("scenarios.note"), fonts.regular, 9, MUTED, 4);
      List<String[]> rows = new ArrayList<>();
      rows.add(text.scenarioColumns().toArray(String[]::new));
      for (BriefText.ScenarioRow r : text.scenarioRows()) {
        rows.add(new String[] {r.scenario(), r.probability(), r.imports(), r.balance(), r.partnerExports()});
      }
      flow.table(rows, new float[] {0.19f, 0.12f, 0.23f, 0.23f, 0.23f}, 8.5f);
      flow.space(10);
      flow.paragraph(text.words("heading.drivers"), fonts.bold, 12.5f, DARK, 3);
      flow.paragraph(text.driversLead(), fonts.regular, 10, Color.BLACK, 4);
      List<String[]> drivers = text.drivers(6);
      if (!drivers.isEmpty()) {
        List<String[]> table = new ArrayList<>();
        table.add(text.driverColumns().toArray(String[]::new));
        table.addAll(drivers);
        flow.table(table, new float[] {0.5f, 0.16f, 0.34f}, 8.5f);
      }
      publishedAndChanged(flow, fonts, data, messages);
      flow.space(10);
      flow.paragraph(text.words("heading.howToRead"), fonts.bold, 12.5f, DARK, 3);
      for (String s : text.howToRead()) {
        flow.paragraph("\u2022 " + s, fonts.regular, 9.5f, Color.BLACK, 2);
      }
      flow.finish();
      info(doc, text, generatedAt);
      doc.save(out);
    }
  }

  /** Against published estimates (when the study has benchmarks) and what changed since the previous run. */
  private static void publishedAndChanged(Flow flow, BriefFonts fonts, ReportData data, Messages m)
      throws IOException {
    var labels = org.tariffcast.reporting.text.Labels.forReport(data, m.language());
    Reconciliation rec = new Reconciliation(data, labels);
    if (!rec.isEmpty()) {
      flow.space(10);
      // heading, lead and table on one page: a table cut by a page break loses its header
      flow.need(Math.min(TEXT_HEIGHT, 70 + 48 * rec.rows().size()));
      flow.paragraph(m.get("published.heading"), fonts.bold, 12.5f, DARK, 3);
      flow.paragraph(m.get("published.lead", m.number(rec.rerunTrials())), fonts.regular, 9, MUTED, 4);
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {m.get("published.column.source"), m.get("published.column.kpi"),
          m.get("published.column.value"), m.get("published.column.study"), m.get("published.column.inside")});
      List<Reconciliation.Row> all = rec.rows();
      for (Reconciliation.Row r : all) {
        rows.add(new String[] {r.benchmark().source(), r.kpi(), minus(r.published()), minus(r.study()),
            r.inside().map(b -> m.get(b ? "published.yes" : "published.no")).orElse("\u2014")});
      }
      flow.table(rows, new float[] {0.25f, 0.27f, 0.12f, 0.27f, 0.09f}, 8);
      flow.space(3);
      for (Reconciliation.Row r : all) {
        if (!r.why().isEmpty()) {
          flow.paragraph("\u2022 " + minus(r.why()), fonts.regular, 9, Color.BLACK, 2);
        }
      }
    }
    ChangedSince changed = new ChangedSince(data, labels);
    flow.space(10);
    flow.need(Math.min(TEXT_HEIGHT, 60 + 14 * changed.table().size()));
    flow.paragraph(data.comparison().map(c -> m.get("changed.headingRun", Long.toString(c.previousRunId())))
        .orElse(m.get("changed.heading")), fonts.bold, 12.5f, DARK, 3);
    List<String> sentences = data.comparison().isPresent() ? changed.sentences()
        : List.of(m.get("changed.first", data.info().study()));
    for (String s : sentences) {
      flow.paragraph(s, fonts.regular, 9.5f, Color.BLACK, 3);
    }
    List<String[]> table = changed.table().stream().map(r -> java.util.Arrays.stream(r).map(BriefRenderer::minus)
        .toArray(String[]::new)).toList();
    if (!table.isEmpty()) {
      flow.table(table, new float[] {0.34f, 0.15f, 0.15f, 0.14f, 0.22f}, 8);
    }
  }

  /** Minus signs of numbers as the typographic minus, as the rest of the brief prints them ("-19 %" to "\u221219 %"). */
  static String minus(String s) {
    return s.replaceAll("(?<![\\w.])-(?=\\d)", "\u2212");
  }

  /** The brief as bytes. */
  public byte[] render(ReportData data, Optional<JFreeChart> comparison, Instant generatedAt) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(data, comparison, generatedAt, out);
    return out.toByteArray();
  }

  private static void info(PDDocument doc, BriefText text, Instant generatedAt) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(text.title());
    info.setAuthor("tariffcast");
    info.setCreator("tariffcast");
    info.setProducer("tariffcast (Apache PDFBox)");
    Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    when.setTimeInMillis(generatedAt.toEpochMilli());
    info.setCreationDate(when);
    info.setModificationDate(when);
  }

  /** Text and charts flowing down pages, with a footer on each. */
  private static final class Flow {
    /** The smallest share of its height a chart may be drawn at, to keep lines below it on its page. */
    static final float MIN_CHART_HEIGHT = 0.6f;
    private final PDDocument doc;
    private final BriefFonts fonts;
    private final java.util.function.IntFunction<String> footer;
    private PDPageContentStream cs;
    private float y;
    private int page;

    Flow(PDDocument doc, BriefFonts fonts, java.util.function.IntFunction<String> footer) throws IOException {
      this.doc = doc;
      this.fonts = fonts;
      this.footer = footer;
      newPage();
    }

    void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage p = new PDPage(PDRectangle.A4);
      doc.addPage(p);
      cs = new PDPageContentStream(doc, p);
      page++;
      y = HEIGHT - MARGIN;
      show(footer.apply(page), fonts.regular, 7.5f, MUTED, MARGIN, MARGIN / 2);
    }

    void finish() throws IOException {
      cs.close();
    }

    void space(float points) {
      y -= points;
    }

    private void need(float points) throws IOException {
      if (y - points < MARGIN) {
        newPage();
      }
    }

    private void show(String s, PDFont font, float size, Color colour, float x, float baseline) throws IOException {
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(colour);
      cs.newLineAtOffset(x, baseline);
      cs.showText(fonts.text(s, font));
      cs.endText();
    }

    /** Lines of {@code s} wrapped at spaces into {@code width} points. */
    private List<String> wrap(String s, PDFont font, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : s.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (line.length() > 0 && fonts.width(candidate, font, size) > width) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    void paragraph(String s, PDFont font, float size, Color colour, float after) throws IOException {
      float leading = size * 1.3f;
      List<String> lines = wrap(s, font, size, TEXT_WIDTH);
      need(Math.min(lines.size(), 3) * leading);
      for (String line : lines) {
        need(leading);
        y -= leading;
        show(line, font, size, colour, MARGIN, y + size * 0.25f);
      }
      y -= after;
    }

    /** The height a paragraph takes, in points (as {@link #paragraph} lays it out). */
    float height(String s, PDFont font, float size, float after) throws IOException {
      return wrap(s, font, size, TEXT_WIDTH).size() * size * 1.3f + after;
    }

    /**
     * A chart drawn as vectors, {@code w} x {@code h} logical pixels scaled to the text width; when
     * {@code reserve} points must stay free below it on the page, drawn less tall (down to
     * {@link #MIN_CHART_HEIGHT} of {@code h}, its text the same size, the plot shorter); on a new
     * page when even that does not fit.
     */
    void chart(JFreeChart chart, int w, int fullHeight, float reserve) throws IOException {
      float scale = TEXT_WIDTH / w;
      float room = (y - MARGIN - reserve - 10) / scale;
      int h = (int) Math.min(fullHeight, Math.floor(room));
      if (h < fullHeight * MIN_CHART_HEIGHT) {
        newPage();
        h = fullHeight;
      }
      float height = h * scale;
      float x = MARGIN;
      need(height + 4);
      PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(doc, w, h);
      try {
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
      } finally {
        g2.dispose();
      }
      PDFormXObject form = g2.getXFormObject();
      y -= height;
      cs.saveGraphicsState();
      cs.transform(new Matrix(scale, 0, 0, scale, x, y));
      cs.drawForm(form);
      cs.restoreGraphicsState();
      y -= 6;
    }

    /** A table: the first row is the header; columns take {@code shares} of the text width; cells wrap. */
    void table(List<String[]> rows, float[] shares, float size) throws IOException {
      float leading = size * 1.3f;
      for (int r = 0; r < rows.size(); r++) {
        String[] row = rows.get(r);
        PDFont font = r == 0 ? fonts.bold : fonts.regular;
        List<List<String>> cells = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < row.length; c++) {
          List<String> w = wrap(row[c], font, size, TEXT_WIDTH * shares[c] - 6);
          cells.add(w);
          lines = Math.max(lines, w.size());
        }
        float height = lines * leading + 4;
        need(height);
        if (r == 0) {
          cs.setNonStrokingColor(new Color(0xDD, 0xE6, 0xF0));
          cs.addRect(MARGIN, y - height, TEXT_WIDTH, height);
          cs.fill();
        }
        float x = MARGIN;
        for (int c = 0; c < row.length; c++) {
          float ty = y - 2;
          for (String line : cells.get(c)) {
            ty -= leading;
            show(line, font, size, Color.BLACK, x + 3, ty + size * 0.25f);
          }
          x += TEXT_WIDTH * shares[c];
        }
        y -= height;
        cs.setStrokingColor(new Color(0xCC, 0xCC, 0xCC));
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y);
        cs.lineTo(MARGIN + TEXT_WIDTH, y);
        cs.stroke();
      }
    }
  }
}
