package org.tariffcast.app.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffcast.model.result.RunResult;
import org.tariffcast.reporting.ReportOptions;
import org.tariffcast.reporting.ReportWriter;

/**
 * Puts a run's reports where planners find them. Reports are written into
 * {@code <reports>/<run-date>/run-<id>.partial/} and only then moved to
 * {@code <reports>/<run-date>/run-<id>/}, so a half-written report never carries its final
 * name. {@code <reports>/latest.json} (written to a temporary file, then moved over the old
 * one) and the symbolic link {@code <reports>/latest} (swapped by a rename) point at the
 * newest run's folder.
 */
public class ReportPublisher {
  private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);
  private static final Pattern LATEST_RUN = Pattern.compile("\"run_id\"\\s*:\\s*(\\d+)");
  private final Path root;
  private final ZoneId zone;
  private static final Pattern LATEST_DATABASE = Pattern.compile("\"database_id\"\\s*:\\s*\"([^\"]*)\"");
  /** The file of a report folder that names the database the run belongs to. */
  public static final String DATABASE_ID_FILE = "database-id";
  private final ReportOptions options;
  private final Supplier<String> databaseId;

  /** A publisher that does not record or check database identities (tests of rendering alone). */
  public ReportPublisher(Path root, ZoneId zone, ReportOptions options) {
    this(root, zone, options, () -> null);
  }

  /**
   * {@code databaseId}: the identity of the database whose runs this publisher writes; each
   * folder records it, and a folder of another database is never overwritten.
   */
  public ReportPublisher(Path root, ZoneId zone, ReportOptions options, Supplier<String> databaseId) {
    this.root = root;
    this.zone = zone;
    this.options = options;
    this.databaseId = databaseId;
  }

  /** Thrown instead of overwriting a report folder that belongs to another database. */
  public static class ForeignFolderException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ForeignFolderException(String message) {
      super(message);
    }
  }

  /** What a folder's {@code database-id} file holds: the database's identity, the run and its start. */
  public static String stamp(String databaseId, long runId, java.time.Instant startedAt) {
    return databaseId + "\nrun " + runId + " started " + startedAt;
  }

  public Path root() {
    return root;
  }

  /** The folder of a run's reports, relative to the reports root: {@code 2026-11-23/run-12}. */
  public String relativeFolder(RunResult result) {
    LocalDate date = LocalDate.ofInstant(result.info().startedAt(), zone);
    return date + "/run-" + result.info().runId();
  }

  /** Renders the run's reports and moves them into place; returns their folder relative to the root. */
  public String render(RunResult result) {
    return render(result, r -> java.util.Optional.empty());
  }

  /**
   * As {@link #render(RunResult)}, with the "what changed since the previous comparable run"
   * block that {@code changedSince} gives for the result (empty when there is no earlier run).
   */
  public String render(RunResult result,
      java.util.function.Function<RunResult, java.util.Optional<org.tariffcast.model.result.RunComparison>> changedSince) {
    String relative = relativeFolder(result);
    Path target = root.resolve(relative);
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    String db = databaseId.get();
    try {
      String stamp = db == null ? null : stamp(db, result.info().runId(), result.info().startedAt());
      if (db != null) {
        refuseForeign(target, result.info().runId(), db, stamp);
      }
      Files.createDirectories(target.getParent());
      deleteTree(partial);
      ReportWriter.of(options).write(result, changedSince.apply(result).orElse(null), partial);
      if (db != null) {
        Files.writeString(partial.resolve(DATABASE_ID_FILE), stamp + "\n", StandardCharsets.UTF_8);
      }
      org.tariffcast.app.PausePoints.at("report-written");
      if (Files.exists(target)) {
        Path old = target.resolveSibling(target.getFileName() + ".old-" + System.currentTimeMillis());
        move(target, old);
        move(partial, target);
        deleteTree(old);
      } else {
        move(partial, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports of run " + result.info().runId() + " under " + root
          + ": " + e, e);
    }
    log.info("run {}: reports in {}", result.info().runId(), target);
    return relative;
  }

  /**
   * Refuses to replace {@code target} if it holds the reports of another database (or of a
   * database that recorded none): the run ids of a database that replaced a lost one restart
   * at 1, and its run 1 must not take the old run 1's reports.
   */
  private void refuseForeign(Path target, long runId, String db, String stamp) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    Path idFile = target.resolve(DATABASE_ID_FILE);
    List<String> lines = Files.isRegularFile(idFile) ? Files.readAllLines(idFile, StandardCharsets.UTF_8) : List.of();
    String other = lines.isEmpty() ? null : lines.get(0).trim();
    String otherRun = lines.size() < 2 ? null : lines.get(1).trim();
    if (stamp.equals(String.join("\n", lines).trim())) {
      return;
    }
    if (other == null) {
      throw new ForeignFolderException(target + " holds reports of a run " + runId + " written before report folders "
          + "named their database (it has no " + DATABASE_ID_FILE + " file); they are never overwritten unless they "
          + "are this database's: 'tariffcast adopt-reports' adopts every such folder whose summary.json names this "
          + "database's run (same id, configuration and start), then 'tariffcast report --run " + runId
          + "' writes the reports; a folder it does not adopt belongs to another database: move it away first.");
    }
    String whose;
    if (!db.equals(other)) {
      whose = "another database (database-id " + other + "; this one is " + db + ")";
    } else {
      whose = "this database, but an earlier " + otherRun + " (this run " + stamp.substring(stamp.indexOf('\n') + 1)
          + "), lost from the database since: was it restored from an older backup?";
    }
    throw new ForeignFolderException(target + " holds the reports of a run " + runId + " of " + whose
        + "; they are never overwritten. If this database replaced a lost one, restore the lost one from its backup "
        + "(batch-app/OPERATIONS.md, 'Backup and restore'); if two databases share this reports folder, give each "
        + "its own tariffcast.reports; to keep the new run, move the old folder away and run 'tariffcast report --run "
        + runId + "'.");
  }

  /**
   * Points {@code latest} at a run's folder, unless a newer run of the same database is already
   * published: rendering an old run again does not move the pointer back. A pointer left by
   * another database is replaced (its run ids say nothing about ours).
   */
  public boolean publish(long runId, String relativeFolder) {
    try {
      Files.createDirectories(root);
      Optional<Long> current = latestRunId();
      String db = databaseId.get();
      boolean sameDatabase = db == null || db.equals(latestDatabaseId().orElse(null));
      if (current.isPresent() && sameDatabase && current.get() > runId) {
        log.info("run {}: latest stays at newer run {}", runId, current.get());
        return false;
      }
      Path json = root.resolve("latest.json");
      Path tmp = root.resolve(".latest.json.tmp");
      Files.writeString(tmp, "{\"run_id\": " + runId + ", \"path\": \"" + relativeFolder + "\""
          + (db == null ? "" : ", \"database_id\": \"" + db + "\"") + "}\n", StandardCharsets.UTF_8);
      move(tmp, json);
      try {
        Path link = root.resolve("latest");
        Path tmpLink = root.resolve(".latest.tmp");
        Files.deleteIfExists(tmpLink);
        Files.createSymbolicLink(tmpLink, Path.of(relativeFolder));
        Files.move(tmpLink, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | UnsupportedOperationException e) {
        log.debug("no latest symbolic link here ({}); latest.json is the pointer", e.toString());
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish run " + runId + " under " + root + ": " + e, e);
    }
  }

  /** The run {@code latest.json} points at, if any. */
  public Optional<Long> latestRunId() throws IOException {
    Path json = root.resolve("latest.json");
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    Matcher m = LATEST_RUN.matcher(Files.readString(json));
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** The database {@code latest.json} names, if any. */
  public Optional<String> latestDatabaseId() throws IOException {
    Path json = root.resolve("latest.json");
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    Matcher m = LATEST_DATABASE.matcher(Files.readString(json));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
