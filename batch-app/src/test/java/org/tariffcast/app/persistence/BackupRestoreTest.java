package org.tariffcast.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.app.support.Workspace;

/**
 * The documented round trip of batch-app/OPERATIONS.md, 'Backup and restore': back up, lose
 * later work, restore, and carry on without any report folder being overwritten.
 */
class BackupRestoreTest {
  @TempDir
  Path tmp;

  @Test
  void backupThenRestoreBringsBackTheHistoryAndLeavesEveryReportFolderAlone() throws IOException {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    Path zip = tmp.resolve("backups/nightly.zip");
    assertThat(ws.cli("run", "--trials", "40", "--seed", "1", "--threads", "1").code()).isZero();
    Workspace.Result backup = ws.cli("backup", "--to", zip.toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(backup.out()).contains("1 run, latest run 1", "written to " + zip);
    assertThat(ws.cli("backup", "--to", zip.toString()).code()).as("a backup never replaces another").isEqualTo(1);
    assertThat(ws.cli("run", "--trials", "40", "--seed", "2", "--threads", "1").code()).isZero();
    Path run2 = runFolder(ws, 2);
    byte[] run2Summary = Files.readAllBytes(run2.resolve("summary.json"));

    Workspace.Result refused = ws.cli("restore", "--from", zip.toString());
    Workspace.Result restored = ws.cli("restore", "--from", zip.toString(), "--replace");
    Workspace.Result history = ws.cli("history");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("exists and is not empty", "--replace");
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("restored ", "1 run, latest run 1");
    try (Stream<Path> s = Files.list(ws.data)) {
      assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("tariffcast.mv.db.before-restore-"));
    }
    assertThat(history.code()).isZero();
    assertThat(history.out().lines().filter(l -> l.matches("\\s*\\d+\\s.*"))).hasSize(1);
    assertThat(ws.cli("report", "--run", "1").code()).as("the restored run 1 is the run of its folder").isZero();

    // the restored database's next run is run 2 again: the lost run 2's reports are kept
    Workspace.Result next = ws.cli("run", "--trials", "40", "--seed", "3", "--threads", "1");
    assertThat(next.code()).isEqualTo(1);
    assertThat(next.err()).contains(run2 + " holds the reports of a run 2 of this database, but an earlier run 2");
    assertThat(Files.readAllBytes(run2.resolve("summary.json"))).isEqualTo(run2Summary);

    // a lost (empty) database file is replaced without --replace
    Files.write(ws.data.resolve("tariffcast.mv.db"), new byte[0]);
    Workspace.Result again = ws.cli("restore", "--from", zip.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(ws.cli("history").code()).isZero();
  }

  static Path runFolder(Workspace ws, long id) throws IOException {
    try (Stream<Path> s = Files.walk(ws.reports, 2)) {
      return s.filter(p -> p.getFileName().toString().equals("run-" + id) && Files.isDirectory(p)).findFirst()
          .orElseThrow();
    }
  }
}
