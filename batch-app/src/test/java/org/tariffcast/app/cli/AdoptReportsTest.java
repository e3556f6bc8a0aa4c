package org.tariffcast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Workspace;

/**
 * Report folders written before folders named their database (no {@code database-id}) are
 * refused by {@code report --run ID}; the refusal names {@code adopt-reports}, which adopts the
 * folder whose summary.json is this database's run and leaves one that is not, with the reason;
 * then {@code report --run ID} writes the reports again.
 */
class AdoptReportsTest {
  @TempDir
  Path tmp;

  @Test
  void aFolderFromBeforeDatabaseIdIsAdoptedAndRenderedAgain() throws Exception {
    Workspace ws = Workspace.h2(tmp.resolve("ws"));
    assertThat(ws.cli("run", "--trials", "200", "--threads", "1").code()).isZero();
    JdbcTemplate db = ws.jdbc();
    Path one = ws.reports.resolve(db.queryForObject("SELECT report_path FROM projection_run WHERE run_id = 1",
        String.class));
    // as written before database-id existed: no database-id file
    Files.delete(one.resolve("database-id"));
    // a folder of another database's run 7 (this one holds no run 7)
    Path seven = one.resolveSibling("run-7");
    Files.createDirectories(seven);
    Files.writeString(seven.resolve("summary.json"),
        Files.readString(one.resolve("summary.json")).replaceFirst("\"run_id\"\\s*:\\s*1", "\"run_id\": 7"));

    Workspace.Result refused = ws.cli("report", "--run", "1");
    assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).contains("written before report folders named their database", "tariffcast adopt-reports");

    Workspace.Result adopted = ws.cli("adopt-reports");

    assertThat(adopted.code()).as(adopted.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(adopted.out()).contains("adopted " + one + ": run 1 of this database",
        "left " + seven + " as it is: this database holds no run 7",
        "2 folders without database-id under " + ws.reports.toAbsolutePath().normalize()
            + ": 1 adopted, 1 left as they were");
    String id = db.queryForObject("SELECT database_id FROM database_identity", String.class);
    assertThat(Files.readString(one.resolve("database-id"))).startsWith(id + "\nrun 1 started ");
    assertThat(seven.resolve("database-id")).doesNotExist();

    Workspace.Result rendered = ws.cli("report", "--run", "1");
    assertThat(rendered.code()).as(rendered.err()).isZero();
    assertThat(ws.cli("adopt-reports").out()).contains("1 folder without database-id");
  }
}
