package org.tariffcast.reporting.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void sanitizesToLowerCaseLettersDigitsAndDashes() {
    assertThat(FileNames.sanitize("No deal (46%)")).isEqualTo("no-deal-46");
    assertThat(FileNames.sanitize("../../etc")).isEqualTo("etc");
    assertThat(FileNames.sanitize("Framework 20/40")).isEqualTo("framework-20-40");
    assertThat(FileNames.sanitize("Việt Nam – zero")).isEqualTo("viet-nam-zero");
    assertThat(FileNames.sanitize("=HYPERLINK(\"x\")")).isEqualTo("hyperlink-x");
    assertThat(FileNames.sanitize("C:\\Windows\\system32")).isEqualTo("c-windows-system32");
    assertThat(FileNames.sanitize("")).isEqualTo("unnamed");
    assertThat(FileNames.sanitize("%%%")).isEqualTo("unnamed");
    assertThat(FileNames.sanitize(null)).isEqualTo("unnamed");
    assertThat(FileNames.sanitize("a".repeat(200))).hasSize(FileNames.MAX_LENGTH);
  }

  @Test
  void namesThatSanitizeAlikeGetDistinctParts() {
    FileNames names = new FileNames();
    assertThat(names.unique("No deal")).isEqualTo("no-deal");
    assertThat(names.unique("No-Deal")).isEqualTo("no-deal-2");
    assertThat(names.unique("no deal!")).isEqualTo("no-deal-3");
    assertThat(names.unique("../")).isEqualTo("unnamed");
    assertThat(names.unique("")).isEqualTo("unnamed-2");
    String longName = "x".repeat(100);
    assertThat(names.unique(longName)).hasSize(FileNames.MAX_LENGTH);
    assertThat(names.unique(longName)).hasSize(FileNames.MAX_LENGTH).endsWith("-2");
  }

  @Test
  void reservedPartsAreNeverHandedOut() {
    FileNames names = new FileNames();
    names.reserve("outlook");
    assertThat(names.unique("Outlook")).isEqualTo("outlook-2");
  }
}
