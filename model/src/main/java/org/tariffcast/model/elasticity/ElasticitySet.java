package org.tariffcast.model.elasticity;

import static org.tariffcast.model.Checks.notNull;

import org.tariffcast.model.distribution.Parameter;

/**
 * The three elasticities of one region in one sector (dimensionless).
 *
 * @param importDemand composite import demand elasticity {@code Em < 0}, of the region as importer
 * @param substitution elasticity of substitution between sources {@code Es > 0}, of the region as importer
 * @param exportSupply export supply elasticity {@code Ex > 0}, of the region as exporter; {@code inf}
 *     for infinitely elastic supply (SMART's setting: world prices fixed)
 */
public record ElasticitySet(Parameter importDemand, Parameter substitution, Parameter exportSupply) {
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
  }

  public static ElasticitySet of(Parameter importDemand, Parameter substitution, Parameter exportSupply) {
    return new ElasticitySet(importDemand, substitution, exportSupply);
  }
}
