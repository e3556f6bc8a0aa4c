package org.tariffcast.model.elasticity;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Elasticities for every (sector, region) of a study. */
public final class Elasticities {
  private final Map<String, ElasticitySet> bySectorRegion;

  private Elasticities(Map<String, ElasticitySet> bySectorRegion) {
    this.bySectorRegion = Map.copyOf(bySectorRegion);
  }

  /** Builds from a map keyed by {@link #key(String, String)}; every sector x region must be present. */
  public static Elasticities of(List<String> sectors, List<String> regions, Map<String, ElasticitySet> bySectorRegion) {
    copy(sectors, "sectors");
    copy(regions, "regions");
    notNull(bySectorRegion, "elasticities");
    List<String> missing = new ArrayList<>();
    for (String s : sectors) {
      for (String r : regions) {
        if (!bySectorRegion.containsKey(key(s, r))) {
          missing.add(key(s, r));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("elasticities must be given for every sector/region, missing " + missing);
    }
    return new Elasticities(new LinkedHashMap<>(bySectorRegion));
  }

  public static String key(String sector, String region) {
    return sector + "/" + region;
  }

  public ElasticitySet get(String sector, String region) {
    ElasticitySet e = bySectorRegion.get(key(sector, region));
    if (e == null) {
      throw new IllegalArgumentException("no elasticities for sector " + sector + " and region " + region);
    }
    return e;
  }

  public Map<String, ElasticitySet> asMap() {
    return bySectorRegion;
  }
}
