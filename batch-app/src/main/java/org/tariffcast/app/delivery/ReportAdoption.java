package org.tariffcast.app.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tariffcast.app.persistence.RunRecord;
import org.tariffcast.app.persistence.RunRepository;

/**
 * {@code adopt-reports}: report folders written before folders named their database (no
 * {@code database-id} file) are refused by {@code report --run ID}, which never overwrites a
 * folder it cannot tell is its own. A folder is adopted, its {@code database-id} written, when
 * its {@code summary.json} names a run this database holds with the same id, configuration
 * SHA-256 and start time: it then is that run's, and {@code report --run ID} may replace it.
 * Any other folder is left as it is, with the reason.
 */
public class ReportAdoption {
  private static final Pattern FOLDER = Pattern.compile("run-(\\d+)");
  private static final Pattern RUN_ID = Pattern.compile("\"run_id\"\\s*:\\s*(\\d+)");
  private static final Pattern SHA = Pattern.compile("\"config_sha256\"\\s*:\\s*\"([0-9a-f]*)\"");
  private static final Pattern STARTED = Pattern.compile("\"started_at\"\\s*:\\s*\"([^\"]*)\"");
  private final ReportPublisher publisher;
  private final RunRepository runs;
  private final String databaseId;

  public ReportAdoption(ReportPublisher publisher, RunRepository runs, String databaseId) {
    this.publisher = publisher;
    this.runs = runs;
    this.databaseId = databaseId;
  }

  /** One folder without {@code database-id}: adopted, or why not ({@code reason} null when adopted). */
  public record Folder(Path path, long runId, String reason) {
    public boolean adopted() {
      return reason == null;
    }
  }

  /** Every {@code <reports>/<date>/run-<id>} folder without {@code database-id}, adopted where it is this database's. */
  public List<Folder> adoptAll() throws IOException {
    List<Folder> out = new ArrayList<>();
    Path root = publisher.root();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> folders;
    try (Stream<Path> dates = Files.list(root)) {
      folders = dates.filter(Files::isDirectory).filter(d -> !Files.isSymbolicLink(d)).sorted()
          .flatMap(ReportAdoption::children).filter(f -> FOLDER.matcher(f.getFileName().toString()).matches())
          .filter(f -> !Files.exists(f.resolve(ReportPublisher.DATABASE_ID_FILE))).toList();
    }
    for (Path f : folders) {
      Matcher m = FOLDER.matcher(f.getFileName().toString());
      m.matches();
      long runId = Long.parseLong(m.group(1));
      String why = mismatch(f, runId);
      if (why == null) {
        RunRecord run = runs.find(runId).orElseThrow();
        Files.writeString(f.resolve(ReportPublisher.DATABASE_ID_FILE),
            ReportPublisher.stamp(databaseId, runId, run.startedAt()) + "\n", StandardCharsets.UTF_8);
      }
      out.add(new Folder(f, runId, why));
    }
    return out;
  }

  private static Stream<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  /** Why {@code folder} is not run {@code runId} of this database; null if it is. */
  private String mismatch(Path folder, long runId) throws IOException {
    Optional<RunRecord> run = runs.find(runId);
    if (run.isEmpty()) {
      return "this database holds no run " + runId;
    }
    Path summary = folder.resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      return "it has no summary.json to tell which run it is";
    }
    String json = Files.readString(summary, StandardCharsets.UTF_8);
    String id = find(RUN_ID, json);
    String sha = find(SHA, json);
    String started = find(STARTED, json);
    if (id == null || Long.parseLong(id) != runId) {
      return "its summary.json names run " + id;
    }
    RunRecord r = run.get();
    if (sha == null || !sha.equals(r.configSha256())) {
      return "its summary.json names configuration " + shortHash(sha) + ", run " + runId + " of this database ran "
          + shortHash(r.configSha256());
    }
    Instant at;
    try {
      at = started == null ? null : Instant.parse(started);
    } catch (RuntimeException e) {
      at = null;
    }
    if (at == null || !at.equals(r.startedAt())) {
      return "its summary.json says it started " + started + ", run " + runId + " of this database started "
          + r.startedAt();
    }
    return null;
  }

  private static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String shortHash(String sha) {
    return sha == null ? "(none)" : sha.substring(0, Math.min(12, sha.length()));
  }
}
