package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.notBlank;

/**
 * An uncertain parameter as reports name it.
 *
 * @param key the name results use (sensitivity rows), e.g. {@code es_ELEC} or {@code Em.ELEC.US}
 * @param label plain words, e.g. "Substitution elasticity, electronics"
 * @param distribution what trials draw from, as written, e.g. {@code triangular(4.4, 8.8, 11)}
 */
public record ParameterLabel(String key, String label, String distribution) {
  public ParameterLabel {
    notBlank(key, "parameter key");
    notBlank(label, "label of parameter " + key);
    notBlank(distribution, "distribution of parameter " + key);
  }

  public static ParameterLabel of(String key, String label, String distribution) {
    return new ParameterLabel(key, label, distribution);
  }
}
