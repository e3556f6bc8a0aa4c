package org.tariffcast.app.web;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of the log file that concern one run: those that name it ({@code run 12},
 * {@code run 12:}) or its job executions. Only the last {@link #TAIL_BYTES} of the file are read.
 */
public final class RunLog {
  static final long TAIL_BYTES = 16L * 1024 * 1024;
  private final Path file;

  public RunLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The newest {@code max} lines about the run, oldest first. */
  public List<String> lines(long runId, List<Long> jobExecutionIds, int max) {
    if (file == null || max <= 0 || !Files.isRegularFile(file)) {
      return List.of();
    }
    StringBuilder alternatives = new StringBuilder("\\brun " + runId + "\\b");
    for (Long id : jobExecutionIds) {
      alternatives.append("|\\bjob execution ").append(id).append("\\b");
    }
    Pattern about = Pattern.compile(alternatives.toString());
    Deque<String> keep = new ArrayDeque<>();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - TAIL_BYTES);
      raf.seek(start);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      for (String line : text.split("\r?\n")) {
        if (about.matcher(line).find()) {
          keep.addLast(line);
          if (keep.size() > max) {
            keep.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
    }
    return new ArrayList<>(keep);
  }
}
