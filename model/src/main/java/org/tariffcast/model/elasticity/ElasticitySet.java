package org.tariffcast.model.elasticity;

import static org.tariffcast.model.Checks.notNull;

import org.tariffcast.model.distribution.Parameter;

/**
 * The elasticities of one region in one sector (dimensionless).
 *
 * @param importDemand composite import demand elasticity {@code Em < 0}, of the region as importer
 * @param substitution elasticity of substitution between sources {@code Es > 0}, of the region as importer
 * @param exportSupply export supply elasticity {@code Ex > 0}, of the region as exporter; {@code inf}
 *     for infinitely elastic supply (SMART's setting: world prices fixed)
 * @param substitutionShortRun optional short-run substitution elasticity {@code > 0} of the region as
 *     importer, or null: where given, {@code substitution} is the long-run value, reached after the
 *     study's convergence time ({@link org.tariffcast.model.dynamics.Dynamics#convergence()}), and a
 *     tariff change first meets this one
 */
public record ElasticitySet(Parameter importDemand, Parameter substitution, Parameter exportSupply,
    Parameter substitutionShortRun) {
  public ElasticitySet {
    notNull(importDemand, "importDemand");
    notNull(substitution, "substitution");
    notNull(exportSupply, "exportSupply");
    if (!(importDemand.distribution().upperBound() < 0)) {
      throw new IllegalArgumentException("import demand elasticity " + importDemand.name()
          + " must be < 0 on its whole range, found " + importDemand.distribution().spec());
    }
    if (!(substitution.distribution().lowerBound() > 0) || Double.isInfinite(substitution.central())) {
      throw new IllegalArgumentException("substitution elasticity " + substitution.name()
          + " must be a finite number > 0 on its whole range, found " + substitution.distribution().spec());
    }
    if (!(exportSupply.distribution().lowerBound() > 0)) {
      throw new IllegalArgumentException("export supply elasticity " + exportSupply.name()
          + " must be > 0 on its whole range (inf allowed), found " + exportSupply.distribution().spec());
    }
    if (substitutionShortRun != null && (!(substitutionShortRun.distribution().lowerBound() > 0)
        || !Double.isFinite(substitutionShortRun.distribution().upperBound()))) {
      throw new IllegalArgumentException("short-run substitution elasticity " + substitutionShortRun.name()
          + " must be a finite number > 0 on its whole range, found " + substitutionShortRun.distribution().spec());
    }
  }

  /** One substitution elasticity for every horizon (no short run). */
  public static ElasticitySet of(Parameter importDemand, Parameter substitution, Parameter exportSupply) {
    return new ElasticitySet(importDemand, substitution, exportSupply, null);
  }

  /**
   * With a short-run substitution elasticity ({@code substitutionShortRun}, may be null for none);
   * {@code substitution} is then the long-run one.
   */
  public static ElasticitySet of(Parameter importDemand, Parameter substitution, Parameter exportSupply,
      Parameter substitutionShortRun) {
    return new ElasticitySet(importDemand, substitution, exportSupply, substitutionShortRun);
  }

  /** Whether a short-run substitution elasticity is given. */
  public boolean hasShortRun() {
    return substitutionShortRun != null;
  }
}
