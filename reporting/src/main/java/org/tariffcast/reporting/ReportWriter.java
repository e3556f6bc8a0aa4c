package org.tariffcast.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tariffcast.model.result.RunComparison;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.brief.BriefRenderer;
import org.tariffcast.reporting.text.Messages;
import org.tariffcast.reporting.charts.ChartBook;
import org.tariffcast.reporting.charts.RenderedChart;
import org.tariffcast.reporting.content.ReportData;
import org.tariffcast.reporting.io.AtomicFiles;
import org.tariffcast.reporting.json.SummaryJson;
import org.tariffcast.reporting.text.NumberText;
import org.tariffcast.reporting.workbook.WorkbookRenderer;

/**
 * Renders a persisted run into the files leadership reads: the PNG charts, the Excel workbook
 * {@code tariffcast-run-<id>.xlsx} (which embeds the same charts) and its annex, the PDF brief
 * {@code tariffcast-brief-run-<id>.pdf} and {@code summary.json}. The charts come first (both
 * workbooks embed them); then the two workbooks are built side by side, each on its own thread,
 * while the calling thread renders the brief and summary.json: the files do not depend on it.
 * Every file is rendered in memory or into a temporary file in the target folder and
 * moved into place, so a crash never leaves a half-written file under its final name; since
 * summary.json comes last, its presence means the whole report is there. Rendering twice
 * replaces the files. Needs {@code java.awt.headless=true} on machines without a display.
 */
public final class ReportWriter {
  private final ReportOptions options;
  /** Whether the workbooks are built side by side (more than one core). */
  private final boolean parallel;

  private ReportWriter(ReportOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.parallel = Runtime.getRuntime().availableProcessors() > 1;
  }

  /** A writer with these options. Sets {@code java.awt.headless=true} unless the property was set already. */
  public static ReportWriter of(ReportOptions options) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // charts are drawn off-screen; servers have no display
    }
    return new ReportWriter(options);
  }

  /** The workbook's file name for a run. */
  public static String workbookName(long runId) {
    return "tariffcast-run-" + runId + ".xlsx";
  }

  /** The annex workbook's file name for a run. */
  public static String annexName(long runId) {
    return "tariffcast-run-" + runId + "-annex.xlsx";
  }

  /** The name of the machine-readable summary. */
  public static final String SUMMARY_JSON = "summary.json";

  /**
   * Renders all files for this run into {@code directory} (created if absent). Each file is
   * written to a temporary file in the same directory and moved into place atomically (falling
   * back to a replacing move where the file system cannot move atomically). Returns what was
   * written.
   */
  public ReportFiles write(RunResult result, Path directory) throws IOException {
    return write(result, null, directory);
  }

  /**
   * As {@link #write(RunResult, Path)}, with what changed since the previous comparable run
   * ({@code changedSince} may be null: there is none), shown in the brief and summary.json.
   */
  public ReportFiles write(RunResult result, RunComparison changedSince, Path directory) throws IOException {
    Objects.requireNonNull(result, "result");
    Files.createDirectories(directory);
    Instant now = options.clock().instant();
    ReportData data = ReportData.of(result, changedSince);
    ChartBook book = new ChartBook(options.chartScale(), options.topDrivers());
    List<RenderedChart> charts = book.render(data, sourceLine(data, now, options.language()), options.language());
    List<Path> chartFiles = new ArrayList<>();
    for (RenderedChart c : charts) {
      chartFiles.add(AtomicFiles.write(directory.resolve(c.fileName()), c.png()));
    }
    String workbookName = workbookName(result.info().runId());
    // the two workbooks need the charts and nothing of each other: each is built on its own thread
    // while this one renders the brief and summary.json (all on this thread on a one-core machine)
    ExecutorService pool = parallel ? Executors.newFixedThreadPool(2, ReportWriter::daemon) : null;
    try {
      Future<Path> annex = submit(pool, () -> AtomicFiles.write(directory.resolve(annexName(result.info().runId())),
          out -> new WorkbookRenderer(options.topDrivers(), options.language()).write(data, charts, now, true, out)));
      Future<Path> workbook = submit(pool, () -> AtomicFiles.write(directory.resolve(workbookName),
          out -> new WorkbookRenderer(options.topDrivers(), options.language()).write(data, charts, now, false, out)));
      Path brief = AtomicFiles.write(directory.resolve(BriefRenderer.fileName(result.info().runId())),
          out -> new BriefRenderer(Messages.of(options.language())).write(data, book.chart("scenario-comparison.png"),
              now, out));
      SummaryJson.Files files = new SummaryJson.Files(workbookName,
          charts.stream().map(RenderedChart::fileName).toList());
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      new SummaryJson().write(data, now, files, json);
      Path workbookFile = get(workbook);
      Path annexFile = get(annex);
      // summary.json is moved into place last: its presence means the whole report is there
      Path summary = AtomicFiles.write(directory.resolve(SUMMARY_JSON), json.toByteArray());
      return new ReportFiles(workbookFile, annexFile, brief, chartFiles, summary);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** A part rendered on {@code pool}, or at once on this thread when there is none. */
  private static Future<Path> submit(ExecutorService pool, Callable<Path> part) throws IOException {
    if (pool != null) {
      return pool.submit(part);
    }
    try {
      return CompletableFuture.completedFuture(part.call());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The part's file, or the exception that stopped it as it was thrown. */
  private static Path get(Future<Path> part) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rendering the reports");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "report-writer");
    t.setDaemon(true);
    return t;
  }

  /** The charts' source line: in the report's language when its words are ({@code chart.sourceLine}). */
  static String sourceLine(ReportData data, Instant now, String language) {
    var info = data.info();
    return org.tariffcast.reporting.text.Labels.forReport(data, language).messages()
        .map(m -> m.get("chart.sourceLine", Long.toString(info.runId()), info.study(), m.fixed(info.trials(), 0),
            info.sampling().label(), Long.toString(info.seed()), now.toString().substring(0, 10)))
        .orElseGet(() -> sourceLine(data, now));
  }

  /** The English source line under every chart, e.g. "Source: tariffcast run 42 of 2026-01-05 (us-vietnam-2025), 10,000 trials, lhs sampling, seed 7 · rendered 2026-01-05". */
  static String sourceLine(ReportData data, Instant now) {
    var info = data.info();
    String finished = info.finishedAt() == null ? "" : " of " + info.finishedAt().toString().substring(0, 10);
    return "Source: tariffcast run " + info.runId() + finished + " (" + info.study() + "), "
        + NumberText.fixed(info.trials(), 0) + " trials, " + info.sampling().label() + " sampling, seed " + info.seed()
        + " · rendered " + now.toString().substring(0, 10);
  }
}
