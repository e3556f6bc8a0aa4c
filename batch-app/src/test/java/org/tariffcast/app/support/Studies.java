package org.tariffcast.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The study folders tests run: the shipped GSIM 4x4 example, as is or copied and edited. */
public final class Studies {
  public static final Path GSIM = Path.of("..", "config", "examples", "gsim-4x4").toAbsolutePath().normalize();

  private Studies() {}

  /** A copy of the GSIM example in {@code dir} with {@code partitions} partitions. */
  public static Path gsimWithPartitions(Path dir, int partitions) throws IOException {
    Path copy = copy(GSIM, dir);
    Path study = copy.resolve("study.yml");
    String text = Files.readString(study);
    String edited = text.replaceFirst("partitions: \\d+", "partitions: " + partitions);
    if (edited.equals(text)) {
      throw new IllegalStateException("no partitions line in " + study);
    }
    Files.writeString(study, edited);
    return copy;
  }

  public static Path copy(Path from, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }
}
