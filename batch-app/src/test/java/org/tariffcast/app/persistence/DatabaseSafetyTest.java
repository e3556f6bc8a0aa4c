package org.tariffcast.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.app.delivery.ReportPublisher;
import org.tariffcast.app.support.Workspace;
import org.tariffcast.reporting.ReportOptions;

/**
 * The database is the record: a report folder names its database and is never taken by
 * another one, and an empty or damaged H2 file is refused with a paragraph that says how to
 * restore, before anything is written. Real H2 file databases, real runs.
 */
class DatabaseSafetyTest {
  @TempDir
  Path tmp;

  @Test
  void aDatabaseThatReplacedALostOneNeverTakesTheOldReports() throws IOException {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    assertThat(ws.cli("run", "--trials", "40", "--threads", "1").code()).isZero();
    Path folder = onlyRunFolder(ws);
    String id = Files.readAllLines(folder.resolve(ReportPublisher.DATABASE_ID_FILE)).get(0);
    byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(Files.readString(ws.reports.resolve("latest.json"))).contains("\"database_id\": \"" + id + "\"");
    // run ids do not jump after a kill: H2 would otherwise hand out ids from a cache of 32 lost with the process
    assertThat(ws.jdbc().queryForList("SELECT CACHE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME LIKE "
        + "'BATCH_%'", Long.class)).hasSize(3).containsOnly(1L);

    // the database is lost (deleted): the next run starts a new one, whose run 1 is not the old run 1
    deleteDatabase(ws);
    Workspace.Result again = ws.cli("run", "--trials", "40", "--threads", "1");

    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains(folder + " holds the reports of a run 1 of another database (database-id " + id);
    assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(summary);
    assertThat(Files.readAllLines(folder.resolve(ReportPublisher.DATABASE_ID_FILE)).get(0)).isEqualTo(id);
  }

  @Test
  void anEmptyDatabaseFileBesideReportsIsRefusedAndLeftAsItIs() throws IOException {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    assertThat(ws.cli("run", "--trials", "40", "--threads", "1").code()).isZero();
    Path file = ws.data.resolve("tariffcast.mv.db");
    Files.write(file, new byte[0]);

    Workspace.Result history = ws.cli("history");
    Workspace.Result run = ws.cli("run", "--trials", "40", "--threads", "1");

    assertThat(history.code()).isEqualTo(1);
    assertThat(history.err().strip()).startsWith("The database file " + file + " is empty (0 bytes)")
        .contains("tariffcast restore --from FILE").doesNotContain("\tat ").hasLineCount(1);
    assertThat(run.code()).isEqualTo(1);
    assertThat(Files.size(file)).isZero();
    assertThat(onlyRunFolder(ws)).exists();
  }

  @Test
  void aDamagedDatabaseFileGivesOneParagraphNotATrace() throws IOException {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    assertThat(ws.cli("run", "--trials", "40", "--threads", "1").code()).isZero();
    Path file = ws.data.resolve("tariffcast.mv.db");
    // overwrite both copies of the store header (H2 keeps one at 0 and one at 4096) with noise
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] noise = new byte[8192];
      new java.util.Random(7).nextBytes(noise);
      f.seek(0);
      f.write(noise);
    }

    Workspace.Result history = ws.cli("history");

    assertThat(history.code()).isEqualTo(1);
    assertThat(history.err().strip()).startsWith("The database file " + file + " is damaged")
        .contains("tariffcast restore --from FILE").doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void latestFollowsTheNewestPublicationAcrossDatabasesButNotAnOldRunOfItsOwn() throws IOException {
    Path root = tmp.resolve("reports");
    ReportPublisher a = new ReportPublisher(root, ZoneId.of("UTC"), ReportOptions.defaults(), () -> "db-a");
    ReportPublisher b = new ReportPublisher(root, ZoneId.of("UTC"), ReportOptions.defaults(), () -> "db-b");

    assertThat(a.publish(5, "2026-12-01/run-5")).isTrue();
    assertThat(b.publish(1, "2026-12-01/run-1")).as("another database's pointer is replaced").isTrue();
    assertThat(b.latestRunId()).contains(1L);
    assertThat(b.latestDatabaseId()).contains("db-b");
    assertThat(a.publish(3, "2026-12-01/run-3")).isTrue();
    assertThat(a.publish(2, "2026-12-01/run-2")).as("an older run of the same database").isFalse();
    assertThat(a.latestRunId()).contains(3L);
    assertThat(a.latestDatabaseId()).contains("db-a");
  }

  static Path onlyRunFolder(Workspace ws) throws IOException {
    try (Stream<Path> s = Files.walk(ws.reports, 2)) {
      List<Path> runs = s.filter(p -> p.getFileName().toString().matches("run-\\d+") && Files.isDirectory(p)).toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }

  static void deleteDatabase(Workspace ws) throws IOException {
    try (Stream<Path> s = Files.list(ws.data)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("tariffcast.")).toList()) {
        Files.delete(p);
      }
    }
  }
}
