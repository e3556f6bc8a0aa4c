package org.tariffcast.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
  @Test
  void aChangedLineShowsAsRemovedThenAddedWithTwoLinesOfContextAndGapsForTheRest() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    List<ConfigDiff.FileDiff> diff = ConfigDiff.of(Map.of("study.yml", before), Map.of("study.yml", after));
    assertThat(diff).singleElement().satisfies(f -> {
      assertThat(f.change()).isEqualTo("changed");
      assertThat(f.lines()).extracting(ConfigDiff.Line::shown).containsExactly(
          "… 2 unchanged lines …", "  c", "  d", "- e", "+ E", "  f", "  g", "… 2 unchanged lines …");
    });
  }

  @Test
  void addedRemovedAndUnchangedFiles() {
    List<ConfigDiff.FileDiff> diff = ConfigDiff.of(Map.of("same.csv", "x\n", "old.csv", "1\n2"),
        Map.of("same.csv", "x\n", "new.csv", "3"));
    assertThat(diff).extracting(ConfigDiff.FileDiff::path, ConfigDiff.FileDiff::change)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("new.csv", "added"),
            org.assertj.core.groups.Tuple.tuple("old.csv", "removed"));
    assertThat(diff.get(0).lines()).extracting(ConfigDiff.Line::shown).containsExactly("+ 3");
    assertThat(diff.get(1).lines()).extracting(ConfigDiff.Line::shown).containsExactly("- 1", "- 2");
  }
}
