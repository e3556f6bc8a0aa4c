package org.tariffcast.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tariffcast.app.persistence.RunRecord;

/**
 * The files of a run's report folder, and nothing else: a name from a URL must be a plain file
 * name ({@code tariffcast-run-12.xlsx}), and the file it names must lie, after resolving links,
 * inside the run's folder under the reports root. Anything else is "not found".
 */
public final class ReportFiles {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private final Path root;

  public ReportFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The run's report folder, if it has one and it exists inside the reports root. */
  public Optional<Path> folder(RunRecord run) {
    if (run.reportPath() == null || run.reportPath().isBlank()) {
      return Optional.empty();
    }
    Path folder = root.resolve(run.reportPath()).normalize();
    if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try {
      Path real = folder.toRealPath();
      return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A file of the run's folder by its plain name. */
  public Optional<Path> file(RunRecord run, String name) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      return Optional.empty();
    }
    return folder(run).flatMap(folder -> {
      Path f = folder.resolve(name).normalize();
      try {
        if (!f.startsWith(folder) || !Files.isRegularFile(f) || !f.toRealPath().startsWith(folder)) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      return Optional.of(f);
    });
  }

  /** One file of a report folder: its name and size in bytes. */
  public record Entry(String name, long bytes) {
    public String size() {
      if (bytes < 1024) {
        return bytes + " B";
      }
      if (bytes < 1024 * 1024) {
        return (bytes + 512) / 1024 + " KB";
      }
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    public boolean chart() {
      return name.endsWith(".png");
    }
  }

  /** The plain files of the run's folder, by name. */
  public List<Entry> list(RunRecord run) {
    List<Entry> out = new ArrayList<>();
    folder(run).ifPresent(folder -> {
      try (Stream<Path> s = Files.list(folder)) {
        s.filter(Files::isRegularFile).filter(p -> NAME.matcher(p.getFileName().toString()).matches())
            .sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(p -> {
              try {
                out.add(new Entry(p.getFileName().toString(), Files.size(p)));
              } catch (IOException e) {
                // vanished meanwhile: not listed
              }
            });
      } catch (IOException e) {
        // unreadable folder: nothing listed
      }
    });
    return out;
  }

  /** The workbook's name: {@code tariffcast-run-<id>.xlsx}. */
  public static String workbook(long runId) {
    return "tariffcast-run-" + runId + ".xlsx";
  }

  /** The brief's name: {@code tariffcast-brief-run-<id>.pdf}. */
  public static String brief(long runId) {
    return "tariffcast-brief-run-" + runId + ".pdf";
  }
}
