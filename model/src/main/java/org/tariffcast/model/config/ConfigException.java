package org.tariffcast.model.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Thrown when a configuration has problems; carries them sorted by location. A file with very
 * many problems keeps its first ones (by location) and the count of the others, which
 * {@link #lines()} prints as {@code ... and N more in flows.csv}.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;
  private final transient Map<String, Long> omitted;

  public ConfigException(List<ConfigProblem> problems) {
    this(problems, Map.of());
  }

  /** {@code omitted}: per file, how many problems beyond {@code problems} were found. */
  public ConfigException(List<ConfigProblem> problems, Map<String, Long> omitted) {
    super(render(problems.stream().sorted().distinct().toList(), omitted));
    this.problems = problems.stream().sorted().distinct().toList();
    this.omitted = Map.copyOf(omitted);
  }

  /** The problems kept, sorted by file, line and column (at most 50 per file when read by the loader). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /** Per file, the problems found beyond those kept. */
  public Map<String, Long> omitted() {
    return omitted;
  }

  /** Every problem found, kept or not. */
  public long total() {
    return problems.size() + omitted.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The lines to print: each kept problem, and after a file's last one {@code ... and N more in FILE}. */
  public List<String> lines() {
    return lines(problems, omitted);
  }

  private static List<String> lines(List<ConfigProblem> problems, Map<String, Long> omitted) {
    List<String> out = new ArrayList<>();
    Map<String, Long> pending = new TreeMap<>(omitted);
    for (int i = 0; i < problems.size(); i++) {
      ConfigProblem p = problems.get(i);
      out.add(p.message());
      boolean lastOfFile = i + 1 == problems.size() || !problems.get(i + 1).file().equals(p.file());
      Long more = lastOfFile ? pending.remove(p.file()) : null;
      if (more != null && more > 0) {
        out.add("... and " + more + " more in " + p.file());
      }
    }
    pending.forEach((file, more) -> out.add("... and " + more + " more in " + file));
    return out;
  }

  private static String render(List<ConfigProblem> problems, Map<String, Long> omitted) {
    long total = problems.size() + omitted.values().stream().mapToLong(Long::longValue).sum();
    return total + " configuration problem" + (total == 1 ? "" : "s") + ":\n" + String.join("\n", lines(problems, omitted));
  }
}
