package org.tariffcast.model.distribution;

import static org.tariffcast.model.Checks.notBlank;

/**
 * A target Spearman rank correlation between two named uncertain parameters, imposed by a
 * Gaussian copula. Pairs not listed are independent.
 *
 * @param first parameter name
 * @param second parameter name
 * @param rho rank correlation in [-1, 1]
 */
public record RankCorrelation(String first, String second, double rho) {
  public RankCorrelation {
    notBlank(first, "correlation first parameter");
    notBlank(second, "correlation second parameter");
    if (first.equals(second)) {
      throw new IllegalArgumentException("correlation must be between two different parameters, found '"
          + first + "' twice");
    }
    if (!(rho >= -1 && rho <= 1)) {
      throw new IllegalArgumentException("correlation rho between " + first + " and " + second
          + " must be in [-1, 1], found " + rho);
    }
  }

  public static RankCorrelation of(String first, String second, double rho) {
    return new RankCorrelation(first, second, rho);
  }
}
