package org.tariffcast.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tariffcast.app.support.Studies;
import org.tariffcast.app.support.Workspace;

/**
 * A real {@code kill -9} of the packaged application in the middle of the simulate step, then
 * {@code run} again with the same options: the run is resumed, only partitions that were not
 * done run, and every stored number equals that of an uninterrupted run.
 */
class KillAndResumeIT {
  static final int PARTITIONS = 16;
  static final Pattern DONE = Pattern.compile("(\\d+)/" + PARTITIONS + " partitions done");
  static final Path JAR = Path.of("target", "tariffcast.jar").toAbsolutePath();

  @TempDir
  Path tmp;

  @Test
  void aRunKilledMidSimulationResumesWithTheNumbersOfAnUninterruptedRun() throws Exception {
    Path study = Studies.gsimWithPartitions(tmp.resolve("study"), PARTITIONS);
    // a clean run first, long enough (several seconds) to be killed in the middle when repeated
    long trials = 32_000;
    Workspace clean = null;
    for (int attempt = 0; ; attempt++) {
      clean = Workspace.h2(tmp.resolve("clean-" + attempt));
      Instant start = Instant.now();
      Run r = start(clean, study, trials).finish();
      assertThat(r.code).as(r.output()).isZero();
      Duration took = Duration.between(start, Instant.now());
      if (took.toMillis() > 6000 || attempt == 3) {
        break;
      }
      trials = trials * Math.max(2, 9_000 / Math.max(1, took.toMillis()));
    }
    Workspace ws = Workspace.h2(tmp.resolve("killed"));

    Run victim = start(ws, study, trials);
    int doneAtKill = victim.awaitPartitions(2, Duration.ofMinutes(3));
    victim.process.destroyForcibly();
    victim.process.waitFor(30, TimeUnit.SECONDS);

    assertThat(doneAtKill).as("killed too late: %s", victim.output()).isLessThan(PARTITIONS - 1);
    JdbcTemplate db = ws.jdbc();
    Set<Integer> storedAtKill = new HashSet<>(db.queryForList("SELECT partition_index FROM partition_result",
        Integer.class));
    assertThat(storedAtKill).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(PARTITIONS);
    assertThat(db.queryForObject("SELECT status FROM projection_run", String.class)).isEqualTo("STARTED");
    long firstExecution = db.queryForObject("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION", Long.class);
    Set<String> completedBeforeKill = new HashSet<>(db.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION "
        + "WHERE JOB_EXECUTION_ID = ? AND STATUS = 'COMPLETED'", String.class, firstExecution));
    Run history = command(ws, "history").finish();
    assertThat(history.output()).contains("KILLED");

    Run resumed = start(ws, study, trials).finish();

    assertThat(resumed.code).as(resumed.output()).isZero();
    assertThat(resumed.output()).contains("was killed", "run 1 resumed and completed");
    assertThat(db.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY 1", Long.class))
        .containsExactly(firstExecution, secondExecution(db, firstExecution));
    List<String> rerun = db.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
        + "AND STEP_NAME LIKE 'simulate-partition:%'", String.class, secondExecution(db, firstExecution));
    for (int i = 0; i < PARTITIONS; i++) {
      String step = "simulate-partition:partition" + i;
      if (!storedAtKill.contains(i)) {
        assertThat(rerun).as("partition %d had no result: it must run again", i).contains(step);
      }
      if (completedBeforeKill.contains(step)) {
        assertThat(rerun).as("partition %d was COMPLETED: it must not run again", i).doesNotContain(step);
      }
    }
    assertThat(rerun).hasSizeLessThan(PARTITIONS);
    assertThat(db.queryForObject("SELECT status FROM projection_run", String.class)).isEqualTo("COMPLETED");
    for (String table : List.of("partition_result", "kpi_statistics", "series_statistics", "target_probability",
        "sensitivity", "convergence", "central_case_kpi", "central_case_flow")) {
      assertThat(rows(db, table)).as(table).containsExactlyElementsOf(rows(clean.jdbc(), table));
    }
  }

  static long secondExecution(JdbcTemplate db, long first) {
    return db.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID > ?",
        Long.class, first);
  }

  static List<String> rows(JdbcTemplate db, String table) {
    return db.query("SELECT * FROM " + table + " ORDER BY 2, 3", (rs, n) -> {
      StringBuilder b = new StringBuilder();
      for (int c = 2; c <= rs.getMetaData().getColumnCount(); c++) {
        if (!rs.getMetaData().getColumnName(c).equalsIgnoreCase("completed_at")) {
          Object o = rs.getObject(c);
          b.append(o instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(o))
              .append('|');
        }
      }
      return b.toString();
    });
  }

  /** The packaged application as a separate process in the workspace folder. */
  static final class Run {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    int code = -1;

    Run(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          lines.add("(output lost: " + e + ")");
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    Run finish() throws InterruptedException {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("process did not end: " + output());
      }
      code = process.exitValue();
      Thread.sleep(200);
      return this;
    }

    int awaitPartitions(int atLeast, Duration max) throws InterruptedException {
      Instant end = Instant.now().plus(max);
      while (Instant.now().isBefore(end) && process.isAlive()) {
        int done = 0;
        for (String line : lines) {
          Matcher m = DONE.matcher(line);
          if (m.find()) {
            done = Math.max(done, Integer.parseInt(m.group(1)));
          }
        }
        if (done >= atLeast) {
          return done;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no " + atLeast + " partitions done: " + output());
    }

    String output() {
      return String.join("\n", lines);
    }

    /** Waits until a line containing {@code text} is printed; fails if the process ends first. */
    String awaitLine(String text, Duration max) throws InterruptedException {
      Instant end = Instant.now().plus(max);
      while (Instant.now().isBefore(end)) {
        for (String line : lines) {
          if (line.contains(text)) {
            return line;
          }
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no line with '" + text + "': " + output());
    }

    /** {@code kill -9}: no shutdown hook, no finally block runs. */
    void kill9() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("process " + process.pid() + " survived kill -9");
      }
    }
  }

  static Run start(Workspace ws, Path study, long trials) throws IOException {
    return command(ws, "run", "--config", study.toString(), "--trials", Long.toString(trials), "--threads", "1");
  }

  static Run command(Workspace ws, String... args) throws IOException {
    return command(ws, List.of(), args);
  }

  /** As {@link #command(Workspace, String...)}, with more {@code -D} settings ({@code key=value}) for the JVM. */
  static Run command(Workspace ws, List<String> jvmProperties, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx512m");
    ws.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    jvmProperties.forEach(p -> cmd.add("-D" + p));
    cmd.add("-Dtariffcast.progress-interval=500ms");
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    java.nio.file.Files.createDirectories(ws.root);
    return new Run(new ProcessBuilder(cmd).directory(ws.root.toFile()).redirectErrorStream(true).start());
  }
}
