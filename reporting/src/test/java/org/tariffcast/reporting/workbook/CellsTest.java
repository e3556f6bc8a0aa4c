package org.tariffcast.reporting.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {
  @Test
  void replacesCharactersXmlCannotCarry() {
    assertThat(Cells.clean("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
    assertThat(Cells.clean("x\uD800y")).isEqualTo("x\uFFFDy");
    assertThat(Cells.clean("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
  }

  @Test
  void cutsTextAtTheCellLimit() {
    String cut = Cells.clean("x".repeat(40_000));
    assertThat(cut).hasSize(32_767).endsWith("…");
  }

  @Test
  void knowsWhatASpreadsheetWouldTakeForAFormula() {
    assertThat(Cells.looksLikeFormula("=1+1")).isTrue();
    assertThat(Cells.looksLikeFormula("+1")).isTrue();
    assertThat(Cells.looksLikeFormula("-cmd")).isTrue();
    assertThat(Cells.looksLikeFormula("@SUM(A1)")).isTrue();
    assertThat(Cells.looksLikeFormula("No deal")).isFalse();
    assertThat(Cells.looksLikeFormula("")).isFalse();
  }

  @Test
  void estimatesWrappedLines() {
    assertThat(Cells.lines("one two three", 100)).isEqualTo(1);
    assertThat(Cells.lines("aaaa bbbb cccc", 9)).isEqualTo(2);
    assertThat(Cells.lines("a\nb", 100)).isEqualTo(2);
  }
}
