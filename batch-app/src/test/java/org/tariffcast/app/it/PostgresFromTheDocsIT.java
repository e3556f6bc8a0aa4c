package org.tariffcast.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffcast.app.support.Postgres;
import org.tariffcast.app.support.Services;
import org.tariffcast.app.support.Studies;

/**
 * OPERATIONS.md's PostgreSQL steps, followed literally: the commands of its {@code postgres-setup}
 * block run in a shell as the PostgreSQL superuser, with a fresh role and database name in place
 * of {@code tariffcast}; then the built jar, with the {@code postgres} profile and the environment
 * variables the guide names, migrates the database, runs a small study and lists it. The steps the
 * guide gave before ({@code createdb X && createuser X}) fail on PostgreSQL 15+ with
 * {@code permission denied for schema public}: shown too. Roles and databases are dropped after.
 * Needs the local PostgreSQL (127.0.0.1:5432, trust) and its client programs; skipped with the
 * reason printed when either is absent, failed under {@code TARIFFCAST_REQUIRE_SERVICES=true}.
 */
class PostgresFromTheDocsIT {
  static final Path GUIDE = Path.of("OPERATIONS.md").toAbsolutePath();
  static final String MARKER = "<!-- postgres-setup:";

  @TempDir
  Path tmp;

  @Test
  void theDocumentedStepsGiveADatabaseThatTariffcastMigratesRunsAndLists() throws Exception {
    requirePostgresAndItsTools();
    List<String> steps = documentedSteps();
    assertThat(steps).as("the commands of the postgres-setup block of " + GUIDE).isNotEmpty()
        .allSatisfy(s -> assertThat(s).contains("tariffcast"));
    String name = fresh();
    try {
      for (String step : steps) {
        Proc p = shell(step.replace("tariffcast", name));
        assertThat(p.code).as(step + ": " + p.out).isZero();
      }
      Proc migrate = tariffcast(name, "migrate");
      assertThat(migrate.code).as(migrate.out).isZero();
      assertThat(migrate.out).contains("migrated from schema version none (a new database) to ");
      Proc run = tariffcast(name, "run", "--trials", "40", "--threads", "1");
      assertThat(run.code).as(run.out).isZero();
      assertThat(run.out).contains("run 1 completed");
      Proc history = tariffcast(name, "history");
      assertThat(history.code).as(history.out).isZero();
      assertThat(history.out.lines().filter(l -> l.matches("\\s+1\\s+.*COMPLETED.*"))).hasSize(1);
      // the tables are the user's own, in the database's schema public
      assertThat(query(name, "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
          + "AND tablename = 'projection_run'")).isEqualTo(name);
    } finally {
      drop(name);
    }
  }

  @Test
  void theFormerStepsFailOnPostgres15WithPermissionDeniedForSchemaPublic() throws Exception {
    requirePostgresAndItsTools();
    int version = Integer.parseInt(query("postgres", "SHOW server_version_num"));
    if (version < 150000) {
      System.out.println("SKIPPED: PostgreSQL " + version + " lets every user create tables in public");
      Assumptions.abort("PostgreSQL older than 15");
    }
    String name = fresh();
    try {
      Proc former = shell("createdb " + name + " && createuser " + name);
      assertThat(former.code).as(former.out).isZero();
      Proc migrate = tariffcast(name, "migrate");
      assertThat(migrate.code).as(migrate.out).isEqualTo(1);
      assertThat(migrate.out).contains("permission denied for schema public",
          "make the user the database's owner", "OPERATIONS.md").doesNotContain("\tat ");
      // Spring's and Flyway's own lines (no stack trace), then one line that says what to do
      List<String> lines = migrate.out.lines().toList();
      assertThat(lines.size()).as(migrate.out).isLessThan(20);
      assertThat(lines.get(lines.size() - 1)).startsWith("error: ERROR: permission denied for schema public")
          .contains("make the user the database's owner");
    } finally {
      drop(name);
    }
  }

  /** The shell lines of the first fenced block after the marker in the guide. */
  static List<String> documentedSteps() throws IOException {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(MARKER)) {
      i++;
    }
    while (i < lines.size() && !lines.get(i).startsWith("```")) {
      i++;
    }
    List<String> steps = new ArrayList<>();
    for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        steps.add(line);
      }
    }
    return steps;
  }

  static void requirePostgresAndItsTools() throws Exception {
    Services.require("PostgreSQL", Postgres.HOST, Postgres.PORT);
    for (String tool : new String[] {"createdb", "createuser", "dropdb", "dropuser"}) {
      Proc p = shell("command -v " + tool);
      if (p.code != 0) {
        String reason = "the PostgreSQL client program " + tool + " is not on the PATH";
        if (Services.required()) {
          Assertions.fail(reason + "; TARIFFCAST_REQUIRE_SERVICES=true requires it");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
      }
    }
  }

  static String fresh() {
    return "tc_doc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  record Proc(int code, String out) {}

  /** A shell command as the PostgreSQL superuser of the test server. */
  static Proc shell(String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    pb.environment().putAll(Map.of("PGHOST", Postgres.HOST, "PGPORT", Integer.toString(Postgres.PORT), "PGUSER",
        Postgres.USER));
    return finish(pb.start());
  }

  /** The built jar, configured as the guide says: the postgres profile and SPRING_DATASOURCE_* variables. */
  Proc tariffcast(String name, String... args) throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws-" + name));
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-Dtariffcast.study=" + Studies.GSIM, "-Dtariffcast.reports=" + ws.resolve("reports"),
        "-Dtariffcast.time-zone=UTC", "-jar", KillAndResumeIT.JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ws.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("SPRING_"));
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + Postgres.HOST + ":" + Postgres.PORT + "/" + name);
    env.put("SPRING_DATASOURCE_USERNAME", name);
    env.put("SPRING_DATASOURCE_PASSWORD", "");
    return finish(pb.start());
  }

  static Proc finish(Process p) throws Exception {
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("did not end: " + new String(out, StandardCharsets.UTF_8));
    }
    return new Proc(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static String query(String database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + Postgres.HOST + ":" + Postgres.PORT + "/"
        + database, Postgres.USER, ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static void drop(String name) throws Exception {
    Proc db = shell("dropdb --if-exists --force " + name);
    Proc role = shell("dropuser --if-exists " + name);
    assertThat(db.code).as(db.out).isZero();
    assertThat(role.code).as(role.out).isZero();
  }
}
