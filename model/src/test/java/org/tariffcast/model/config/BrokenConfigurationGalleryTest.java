package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A gallery of broken studies. Each folder under {@code src/test/resources/broken/} holds the
 * files that differ from the GSIM example (and {@code delete.txt} naming files to remove), and
 * {@code expected.txt}: the exact problems, one per line, in the order the loader sorts them
 * (file, line, column). The expected lines were written by hand from the defect each case
 * plants, and their lines and columns counted in the case's files. A file with more than 50
 * problems shows its first 50 and then {@code ... and N more in FILE}.
 */
class BrokenConfigurationGalleryTest {
  static final Path BASE = Path.of("..", "config", "examples", "gsim-4x4");
  static final Path GALLERY = Path.of("src", "test", "resources", "broken");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(GALLERY)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryProblemWithItsLocation(String name, @TempDir Path tmp) throws IOException {
    Path study = overlay(GALLERY.resolve(name), tmp);
    List<String> expected = Files.readAllLines(GALLERY.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(study));

    assertThat(e).as("problems of %s", name).isNotNull();
    assertThat(e.lines()).as("problems of %s", name).containsExactlyElementsOf(expected);
    long total = expected.stream().mapToLong(BrokenConfigurationGalleryTest::problemsIn).sum();
    assertThat(e).hasMessageStartingWith(total + " configuration problem");
    assertThat(ConfigLoader.validate(study).stream().map(ConfigProblem::message).toList())
        .containsExactlyElementsOf(expected.stream().filter(l -> !l.startsWith("... and ")).toList());
  }

  /** 1 for a problem line; N for "... and N more in FILE". */
  static long problemsIn(String line) {
    return line.startsWith("... and ") ? Long.parseLong(line.split(" ")[2]) : 1;
  }

  /** The GSIM example with the case's files on top; nothing of the case folder itself is changed. */
  static Path overlay(Path caseDir, Path tmp) throws IOException {
    Path study = tmp.resolve("study");
    Files.createDirectories(study);
    for (String f : ConfigLoader.FILES) {
      Files.copy(BASE.resolve(f), study.resolve(f));
    }
    try (Stream<Path> files = Files.list(caseDir)) {
      files.forEach(p -> {
        String n = p.getFileName().toString();
        try {
          if (n.equals("delete.txt")) {
            for (String d : Files.readAllLines(p)) {
              if (!d.isBlank()) {
                Files.delete(study.resolve(d.trim()));
              }
            }
          } else if (!n.equals("expected.txt")) {
            Files.copy(p, study.resolve(n), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return study;
  }
}
