package org.tariffcast.app.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backs up and restores the H2 file database. A backup is H2's {@code BACKUP TO}: a zip of the
 * database file taken while it is open, consistent, then checked (it must hold the
 * {@code .mv.db} file, not empty). A restore puts that file back where the URL points, with no
 * process using the database, after moving any file it replaces aside (never deleting it), and
 * then opens it to say what it holds. PostgreSQL is backed up with its own tools (pg_dump).
 */
public final class DatabaseBackup {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private DatabaseBackup() {}

  /** What a backup or a restore found in the database. */
  public record Contents(String databaseId, long runs, Long latestRun) {
    public String describe() {
      return "database-id " + databaseId + ", " + runs + " run" + (runs == 1 ? "" : "s")
          + (latestRun == null ? "" : ", latest run " + latestRun);
    }
  }

  /** Thrown when a backup or restore cannot be done as asked; the message says why and what to do. */
  public static class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
      super(message);
    }
  }

  /** The guidance printed for a database that is not an H2 file. */
  public static String postgresGuidance(String url) {
    return "tariffcast backs up only its H2 file database; " + url + " is backed up with PostgreSQL's tools:\n"
        + "  pg_dump --format=custom --file=tariffcast-$(date +%Y%m%d).dump --host=HOST --username=USER DBNAME\n"
        + "and restored (into an empty database, no tariffcast process running) with\n"
        + "  pg_restore --dbname=DBNAME --host=HOST --username=USER --no-owner tariffcast-YYYYMMDD.dump\n"
        + "See batch-app/OPERATIONS.md, 'Backup and restore'.";
  }

  /** The default backup file: {@code backups/tariffcast-<yyyyMMdd-HHmmss>.zip}. */
  public static Path defaultTarget() {
    return Path.of("backups", "tariffcast-" + LocalDateTime.now().format(STAMP) + ".zip");
  }

  /** Writes an online backup of the open H2 database to {@code target}; returns what it holds. */
  public static Contents backup(DataSource dataSource, String url, Path target) throws IOException {
    Path file = H2Files.file(url).orElseThrow(() -> new BackupException(postgresGuidance(url)));
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      throw new BackupException(abs + " exists: a backup never replaces another; choose another file");
    }
    Files.createDirectories(abs.getParent());
    Path partial = abs.resolveSibling(abs.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
    String entry = file.getFileName().toString();
    try (ZipFile zip = new ZipFile(partial.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      if (e == null || e.getSize() == 0) {
        throw new BackupException("the backup " + partial + " holds no " + entry + ": it was not kept");
      }
    } catch (IOException | BackupException ex) {
      Files.deleteIfExists(partial);
      throw ex;
    }
    try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    move(partial, abs);
    return contents(jdbc);
  }

  /**
   * Restores the database file of {@code url} from {@code backup}. Refuses while a process has
   * the database open, and, unless {@code replace}, when a non-empty database file is there (an
   * empty one is the lost database this restore is for). The replaced file is kept beside it as
   * {@code <name>.before-restore-<time>}.
   */
  public static Contents restore(String url, String user, String password, Path backup, boolean replace) throws IOException, SQLException {
    Path file = H2Files.file(url).orElseThrow(() -> new BackupException(postgresGuidance(url)));
    if (!Files.isRegularFile(backup)) {
      throw new BackupException("no backup file " + backup);
    }
    String entry = file.getFileName().toString();
    Path abs = file.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path incoming = abs.resolveSibling(entry + ".restoring");
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        throw new BackupException(backup + " is not a backup of " + entry + " (made by 'tariffcast backup' with the "
            + "same spring.datasource.url file name)");
      }
      try (InputStream in = zip.getInputStream(e)) {
        Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try {
      if (Files.size(incoming) == 0) {
        throw new BackupException(backup + " holds an empty " + entry + ": not restored");
      }
      if (Files.exists(abs)) {
        if (Files.size(abs) > 0 && !replace) {
          throw new BackupException(abs + " exists and is not empty (" + Files.size(abs) + " bytes): restoring "
              + "would replace it. Check with 'tariffcast history' that it is the one to replace, stop every "
              + "tariffcast process, then run restore again with --replace (the file is kept beside it)");
        }
        refuseIfOpen(abs);
        Path aside = abs.resolveSibling(entry + ".before-restore-" + LocalDateTime.now().format(STAMP));
        Files.move(abs, aside);
        Files.deleteIfExists(abs.resolveSibling(entry.replace(".mv.db", ".trace.db")));
      }
      try (FileChannel ch = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      move(incoming, abs);
    } finally {
      Files.deleteIfExists(incoming);
    }
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      return contents(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true)));
    }
  }

  /** Refuses if another process holds the database file (H2 locks it while open). */
  private static void refuseIfOpen(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = null;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new BackupException(file + " is open in a running tariffcast process (a run, a scheduler or a "
            + "console): stop it first");
      }
      lock.release();
    }
  }

  private static Contents contents(JdbcTemplate jdbc) {
    String id = jdbc.queryForObject("SELECT database_id FROM database_identity", String.class);
    Long runs = jdbc.queryForObject("SELECT COUNT(*) FROM projection_run", Long.class);
    Long latest = jdbc.queryForObject("SELECT MAX(run_id) FROM projection_run", Long.class);
    return new Contents(id, runs == null ? 0 : runs, latest);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

}
