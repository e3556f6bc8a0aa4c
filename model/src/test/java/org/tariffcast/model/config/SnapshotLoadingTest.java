package org.tariffcast.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader parses a snapshot's texts in memory: the same study as from its folder, the same
 * problems at the same locations, and one parse per snapshot.
 */
class SnapshotLoadingTest {
  static final Path GSIM = ExampleStudyTest.GSIM;

  /** The study's files as text; null if one of them is not UTF-8 (a snapshot holds text only). */
  static Map<String, String> texts(Path folder) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : ConfigLoader.FILES) {
      Path p = folder.resolve(f);
      if (Files.exists(p)) {
        Problems problems = new Problems();
        String text = Utf8Text.decode(f, Files.readAllBytes(p), problems);
        if (text == null) {
          return null;
        }
        out.put(f, text);
      }
    }
    return out;
  }

  @Test
  void snapshotAndFolderGiveTheSameStudy() throws IOException {
    ModelConfig fromFolder = ConfigLoader.load(GSIM);
    ModelConfig fromTexts = ConfigLoader.load(ConfigSnapshot.of(texts(GSIM)));

    assertThat(fromTexts.snapshot()).isEqualTo(fromFolder.snapshot());
    assertThat(fromTexts.describe()).isEqualTo(fromFolder.describe());
    assertThat(fromTexts.allParameters()).isEqualTo(fromFolder.allParameters());
    assertThat(fromTexts.flows()).isEqualTo(fromFolder.flows());
  }

  @Test
  void aSnapshotIsParsedOncePerProcess() throws IOException {
    Map<String, String> files = texts(GSIM);
    // a comment changes the hash, so no other test has parsed this snapshot yet
    files.put("study.yml", files.get("study.yml") + "\n# parsed once " + System.nanoTime() + "\n");
    ModelConfig first = ConfigLoader.load(ConfigSnapshot.of(files));
    ModelConfig second = ConfigLoader.load(ConfigSnapshot.of(new LinkedHashMap<>(files)));

    assertThat(second).isSameAs(first);
    assertThat(ConfigLoader.validate(ConfigSnapshot.of(files))).isEmpty();
  }

  @Test
  void aMissingFileIsReportedAsFromAFolder() throws IOException {
    Map<String, String> files = texts(GSIM);
    files.remove("parameters.yml");

    assertThat(ConfigLoader.validate(ConfigSnapshot.of(files)).stream().map(ConfigProblem::message))
        .containsExactly("parameters.yml:0:0: file: expected the file parameters.yml in the study folder, found nothing");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSnapshot.of(files))).isInstanceOf(ConfigException.class);
  }

  static List<String> cases() throws IOException {
    return BrokenConfigurationGalleryTest.cases().toList();
  }

  /**
   * Every case of the gallery whose files are text, read into a snapshot first, gives exactly
   * its expected problems (a file that is not UTF-8 cannot be in a snapshot).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void galleryProblemsFromTexts(String name, @TempDir Path tmp) throws IOException {
    Path caseDir = BrokenConfigurationGalleryTest.GALLERY.resolve(name);
    Path study = BrokenConfigurationGalleryTest.overlay(caseDir, tmp);
    List<String> expected = Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();
    Map<String, String> texts = texts(study);
    Assumptions.assumeTrue(texts != null, name + " holds a file that is not UTF-8");

    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(ConfigSnapshot.of(texts)));

    assertThat(e).as("problems of %s", name).isNotNull();
    assertThat(e.lines()).as("problems of %s", name).containsExactlyElementsOf(expected);
  }
}
