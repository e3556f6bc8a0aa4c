package org.tariffcast.app.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file behind an H2 file database URL, and what must be true of it before anything opens
 * it. H2 takes an empty (0-byte) file for a new database: run ids would restart at 1 and the
 * history would be gone without a word. An empty, unreadable or damaged file is refused with
 * a paragraph that says how to restore.
 */
public final class H2Files {
  private static final Pattern FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;]+)", Pattern.CASE_INSENSITIVE);
  /** H2's error code for a corrupted file (FILE_CORRUPTED_1). */
  static final int FILE_CORRUPTED = 90030;

  private H2Files() {}

  /** Thrown before start-up when the database file cannot be used as it is. */
  public static class UnusableDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnusableDatabaseException(String message) {
      super(message);
    }

    public UnusableDatabaseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The {@code .mv.db} file of an H2 file URL, or empty for another database (or an in-memory or server URL). */
  public static Optional<Path> file(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = FILE_URL.matcher(url.trim());
    if (!m.find()) {
      return Optional.empty();
    }
    String path = m.group(1);
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("zip:")) {
      return Optional.empty();
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Optional.of(Path.of(path + ".mv.db"));
  }

  /** Refuses an empty or unreadable database file (a missing one is a new database: fine). */
  public static void verify(String url) {
    Optional<Path> f = file(url);
    if (f.isEmpty() || !Files.exists(f.get())) {
      return;
    }
    Path p = f.get();
    long size;
    try {
      size = Files.size(p);
    } catch (IOException e) {
      throw new UnusableDatabaseException(unreadable(p, e.toString()));
    }
    if (!Files.isReadable(p) || !Files.isWritable(p)) {
      throw new UnusableDatabaseException(unreadable(p, Files.isReadable(p) ? "it is read-only" : "it is not readable"));
    }
    if (size == 0) {
      throw new UnusableDatabaseException("The database file " + p + " is empty (0 bytes): the database it held is "
          + "lost (a full disk or a copy that failed), and H2 would take it for a new one, so run ids would restart at "
          + "1 beside the reports of the old runs. Nothing was started. Restore the last backup with 'tariffcast "
          + "restore --from FILE' (batch-app/OPERATIONS.md, 'Backup and restore'); only if there is none and a new "
          + "history is wanted, move the empty file away (mv " + p + " " + p + ".empty) and run again.");
    }
  }

  private static String unreadable(Path p, String why) {
    return "The database file " + p + " cannot be used: " + why + ". Nothing was started. Give the user that runs "
        + "tariffcast read and write access to it (and to its folder); if the file itself is lost, restore the last "
        + "backup with 'tariffcast restore --from FILE' (batch-app/OPERATIONS.md, 'Backup and restore').";
  }

  /** True if {@code e} (or a cause) is H2 reporting a damaged file. */
  public static boolean isCorruption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == FILE_CORRUPTED) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("File corrupted") || m.contains("file corrupted") || m.contains("[90030-"))) {
        return true;
      }
    }
    return false;
  }

  /** The paragraph printed when H2 finds its file damaged. */
  public static String corruptionParagraph(String url) {
    String file = file(url).map(Path::toString).orElse("the H2 database file");
    return "The database file " + file + " is damaged: H2 reports it corrupted. Nothing was started. Stop every "
        + "tariffcast process that uses it, keep the damaged file aside (mv " + file + " " + file + ".damaged), and "
        + "restore the last backup with 'tariffcast restore --from FILE' (batch-app/OPERATIONS.md, 'Backup and "
        + "restore'). Runs after that backup are not in it: their reports stay under reports/, and H2's recovery "
        + "tool (java -cp h2.jar org.h2.tools.Recover) may save more. Details are in the log file.";
  }
}
