package org.tariffcast.model.scenario;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tariffcast.model.distribution.Parameter;

/**
 * A change to the wedges on every flow from any of {@code exporters} to any of {@code importers}
 * in any of {@code sectors} (lists already expanded from {@code all}). Values may be uncertain.
 * Components are applied in {@link WedgeComponent} order (each sets one part of the wedge; see
 * {@link WedgeComponent#partValue}).
 */
public record TariffRule(
    List<String> importers,
    List<String> exporters,
    List<String> sectors,
    Map<WedgeComponent, Parameter> changes) {

  public TariffRule {
    importers = copy(importers, "rule importers");
    exporters = copy(exporters, "rule exporters");
    sectors = copy(sectors, "rule sectors");
    notNull(changes, "rule changes");
    if (importers.isEmpty() || exporters.isEmpty() || sectors.isEmpty()) {
      throw new IllegalArgumentException("a tariff rule needs at least one importer, exporter and sector, found "
          + importers + ", " + exporters + ", " + sectors);
    }
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a tariff rule must change at least one wedge component, found none");
    }
    changes = Collections.unmodifiableMap(new EnumMap<>(changes));
  }

  public static TariffRule of(List<String> importers, List<String> exporters, List<String> sectors,
      Map<WedgeComponent, Parameter> changes) {
    return new TariffRule(importers, exporters, sectors, changes);
  }

  public boolean covers(String exporter, String importer, String sector) {
    return exporters.contains(exporter) && importers.contains(importer) && sectors.contains(sector);
  }
}
