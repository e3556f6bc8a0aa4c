package org.tariffcast.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigLoader;
import org.tariffcast.model.config.ModelConfig;

/**
 * What the shipped studies claim about their data holds in their files: the share of US-Vietnam
 * flow value in rows marked {@code official} is the share config/SOURCES.md states (computed
 * here from flows.csv, not copied from anywhere), every data row names a source, no source asks
 * to be checked later, and the 2018-19 backtest study loads and keeps its published total.
 */
class StudyEvidenceTest {

  static Path configFolder() {
    for (Path p : List.of(Path.of("config"), Path.of("../config"))) {
      if (Files.isDirectory(p.resolve("us-vietnam-2025"))) {
        return p;
      }
    }
    throw new IllegalStateException("config/ not found from " + Path.of("").toAbsolutePath());
  }

  /** One CSV record split on commas outside double quotes ("" inside quotes is a quote). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static List<List<String>> records(Path csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).toList()) {
      rows.add(fields(line));
    }
    return rows;
  }

  /** Share (0..1) of the value of exporter->importer rows of flows.csv whose quality is official. */
  static double officialShare(Path flows, String exporter, String importer) throws IOException {
    double all = 0;
    double official = 0;
    for (List<String> r : records(flows)) {
      if (r.get(1).equals(exporter) && r.get(2).equals(importer)) {
        double v = Double.parseDouble(r.get(3));
        all += v;
        if (r.get(5).trim().equals("official")) {
          official += v;
        }
      }
    }
    assertThat(all).as("%s->%s rows", exporter, importer).isPositive();
    return official / all;
  }

  /** The percentage SOURCES.md states for a direction, from its line "official share, X->Y: N %". */
  static double claimedShare(String direction) throws IOException {
    String text = Files.readString(configFolder().resolve("SOURCES.md"));
    Matcher m = Pattern.compile("official share, " + Pattern.quote(direction) + ": ([0-9.]+) %").matcher(text);
    assertThat(m.find()).as("SOURCES.md states the official share of %s", direction).isTrue();
    return Double.parseDouble(m.group(1)) / 100;
  }

  @Test
  void officialShareOfUsVietnamFlowsIsWhatSourcesMdClaims() throws IOException {
    Path flows = configFolder().resolve("us-vietnam-2025/flows.csv");
    for (String[] pair : new String[][] {{"VN", "US"}, {"US", "VN"}}) {
      String direction = pair[0] + "->" + pair[1];
      double share = officialShare(flows, pair[0], pair[1]);
      double claimed = claimedShare(direction);
      // the claim may not overstate the file, and it is stated to 0.1 point, so it may not
      // understate it by more than that either
      assertThat(share).as(direction).isGreaterThanOrEqualTo(claimed - 1e-12);
      assertThat(share).as(direction).isCloseTo(claimed, within(0.001));
    }
  }

  @Test
  void everyDataRowOfEveryShippedStudyNamesASourceAndNoneAsksToBeCheckedLater() throws IOException {
    List<Path> csvs;
    try (Stream<Path> s = Files.walk(configFolder())) {
      csvs = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(csvs).hasSizeGreaterThanOrEqualTo(9);
    for (Path csv : csvs) {
      List<String> header = fields(Files.readAllLines(csv).get(0));
      int source = header.indexOf("source");
      int quality = header.indexOf("quality");
      assertThat(source).as(csv + " has a source column").isNotNegative();
      int line = 1;
      for (List<String> r : records(csv)) {
        line++;
        String where = csv + ":" + line;
        assertThat(r.get(source).trim()).as(where).isNotEmpty();
        assertThat(r.get(source).toLowerCase(Locale.ROOT)).as(where).doesNotContain("verify");
        assertThat(r.get(quality).trim()).as(where).isIn("official", "derived", "approx");
      }
    }
  }

  @Test
  void backtestStudyLoadsAndKeepsChinasPublishedTotal() {
    Path folder = configFolder().resolve("examples/us-china-2018");
    assertThat(ConfigLoader.validate(folder)).isEmpty();
    ModelConfig backtest = ConfigLoader.load(folder);
    assertThat(backtest.regionCodes()).containsExactly("US", "CN", "VN", "MX", "ASEAN", "ROW");
    assertThat(backtest.scenarios()).hasSize(1);
    // Chinese goods re-routed through Vietnam or the other ASEAN members, in every sector
    assertThat(backtest.reroutings()).singleElement().satisfies(r -> {
      assertThat(r.via()).isEqualTo("VN");
      assertThat(r.origin()).isEqualTo("CN");
      assertThat(r.thirdRoutes()).containsExactly("ASEAN");
      assertThat(r.sectors()).containsExactlyElementsOf(backtest.sectorCodes());
      assertThat(r.routedShare().name()).isEqualTo("vn_routed_share_2017");
      assertThat(r.elasticity().distribution().spec()).isEqualTo("triangular(2, 3.5, 8)");
    });
    // USITC, Shifts in U.S. Merchandise Trade 2017, China: general imports USD 505.6 bn
    double cn = backtest.sectorCodes().stream()
        .mapToDouble(s -> backtest.flows().get(s).flow("CN", "US")).sum() / 1e6;
    assertThat(cn).isCloseTo(505_600, within(0.5));
  }
}
