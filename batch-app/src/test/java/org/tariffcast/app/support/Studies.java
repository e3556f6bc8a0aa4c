package org.tariffcast.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The study folders tests run: the shipped GSIM 4x4 example, as is or copied and edited. */
public final class Studies {
  public static final Path GSIM = Path.of("..", "config", "examples", "gsim-4x4").toAbsolutePath().normalize();
  /** The default study, as shipped. */
  public static final Path DEFAULT = Path.of("..", "config", "us-vietnam-2025").toAbsolutePath().normalize();

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

  /** A copy of the GSIM example with a precision target of batches of {@code batch} trials up to {@code max}. */
  public static Path gsimWithPrecision(Path dir, long batch, long max) throws IOException {
    return gsimWithPrecision(dir, batch, max, 1000);
  }

  /**
   * The GSIM example made uncertain (import demand and substitution elasticities drawn from
   * distributions), with a precision target: 1 % of each headline KPI's mean or
   * {@code absoluteUsd}, whichever is larger.
   */
  public static Path uncertainGsimWithPrecision(Path dir, long batch, long max, double absoluteUsd)
      throws IOException {
    Path copy = gsimWithPrecision(dir, batch, max, absoluteUsd);
    Path elasticities = copy.resolve("elasticities.csv");
    String text = Files.readString(elasticities);
    String edited = text.replace("*,*,-1.25,5,1.5,", "*,*,\"triangular(-2, -1.25, -0.5)\",\"uniform(3, 7)\",1.5,");
    if (edited.equals(text)) {
      throw new IllegalStateException("no elasticity row to make uncertain in " + elasticities);
    }
    Files.writeString(elasticities, edited);
    return copy;
  }

  static Path gsimWithPrecision(Path dir, long batch, long max, double absoluteUsd) throws IOException {
    Path copy = copy(GSIM, dir);
    Path study = copy.resolve("study.yml");
    String text = Files.readString(study);
    String edited = text.replaceFirst("(?m)^(\\s+)partitions: (\\d+)\n", "$1partitions: $2\n$1precision:\n"
        + "$1  relative_half_width: 0.01\n$1  absolute_half_width: " + (long) absoluteUsd + "\n$1  confidence: 0.95\n"
        + "$1  batch_trials: " + batch + "\n$1  max_trials: " + max + "\n");
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
