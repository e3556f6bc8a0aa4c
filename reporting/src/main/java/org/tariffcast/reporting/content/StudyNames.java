package org.tariffcast.reporting.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.config.ConfigSnapshot;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Names a reader sees for region and sector codes, and the wording of targets, read from the
 * {@code study.yml} of the run's configuration snapshot with a safe loader. Anything missing or
 * unreadable falls back to the codes themselves: a report never fails for want of a name.
 */
public final class StudyNames {
  private final Map<String, String> regions;
  private final Map<String, String> sectors;
  private final Map<String, String> targets;

  private StudyNames(Map<String, String> regions, Map<String, String> sectors, Map<String, String> targets) {
    this.regions = Collections.unmodifiableMap(regions);
    this.sectors = Collections.unmodifiableMap(sectors);
    this.targets = Collections.unmodifiableMap(targets);
  }

  /** No names: every code stands for itself. */
  public static StudyNames none() {
    return new StudyNames(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /** Reads {@code study.yml} (at any depth of the snapshot) if present and well-formed. */
  public static StudyNames from(ConfigSnapshot snapshot) {
    String text = null;
    for (Map.Entry<String, String> e : snapshot.files().entrySet()) {
      String path = e.getKey().replace('\\', '/');
      if (path.equals("study.yml") || path.endsWith("/study.yml")) {
        text = e.getValue();
        break;
      }
    }
    if (text == null) {
      return none();
    }
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      options.setCodePointLimit(5 * 1024 * 1024);
      Object root = new Yaml(new SafeConstructor(options)).load(text);
      if (!(root instanceof Map<?, ?> map)) {
        return none();
      }
      return new StudyNames(codeNames(map.get("regions")), codeNames(map.get("sectors")), targetTexts(map.get("targets")));
    } catch (RuntimeException e) {
      return none(); // the configuration was validated when the run was made; names are a courtesy
    }
  }

  private static Map<String, String> codeNames(Object list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && m.get("code") != null) {
          String code = String.valueOf(m.get("code")).trim();
          Object name = m.get("name");
          out.put(code, name == null || String.valueOf(name).isBlank() ? code : String.valueOf(name).trim());
        }
      }
    }
    return out;
  }

  private static Map<String, String> targetTexts(Object list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && m.get("name") != null) {
          List<String> parts = new ArrayList<>();
          for (String key : List.of("metric", "breakdown", "window", "measure")) {
            parts.add(m.get(key) == null ? "?" : String.valueOf(m.get(key)));
          }
          String definition = String.join("/", parts) + " " + (m.get("comparison") == null ? "?" : m.get("comparison"))
              + " " + (m.get("threshold") == null ? "?" : m.get("threshold"));
          out.put(String.valueOf(m.get("name")), definition);
        }
      }
    }
    return out;
  }

  /** The region's name, or its code. */
  public String region(String code) {
    return regions.getOrDefault(code, code);
  }

  /** The sector's name, or its code. */
  public String sector(String code) {
    return sectors.getOrDefault(code, code);
  }

  /** Region codes in study order (empty if unknown). */
  public List<String> regionOrder() {
    return List.copyOf(regions.keySet());
  }

  /** Sector codes in study order (empty if unknown). */
  public List<String> sectorOrder() {
    return List.copyOf(sectors.keySet());
  }

  /** Target names in study order (empty if unknown). */
  public List<String> targetOrder() {
    return List.copyOf(targets.keySet());
  }

  /** The target's definition as configured, e.g. {@code bilateral_balance/total/final_year/pct_change_vs_baseline >= 0.2}, or "". */
  public String targetDefinition(String name) {
    return targets.getOrDefault(name, "");
  }
}
