package org.tariffcast.model.result;

import static org.tariffcast.model.Checks.copy;
import static org.tariffcast.model.Checks.notBlank;
import static org.tariffcast.model.Checks.notNull;

import java.util.List;
import java.util.Map;

/**
 * The comparative-static equilibrium of one sector under one regime of one scenario at the
 * central parameter values: what a GSIM or SMART user reads. Flows are USD per year at world
 * prices, base-year scale; price changes are fractions (0.05 is +5 %).
 *
 * @param scenario scenario name
 * @param regime regime name
 * @param sector sector code
 * @param regions region codes in table order
 * @param worldPriceChange region -> proportional change of its export price at world prices
 * @param flowsBefore exporter -> importer -> USD per year before the regime (base tariffs)
 * @param flowsAfter exporter -> importer -> USD per year after
 * @param welfare region -> welfare change, USD per year
 */
public record EquilibriumTable(String scenario, String regime, String sector, List<String> regions,
    Map<String, Double> worldPriceChange, Map<String, Map<String, Double>> flowsBefore,
    Map<String, Map<String, Double>> flowsAfter, Map<String, Welfare> welfare) {
  public EquilibriumTable {
    notBlank(scenario, "table scenario");
    notBlank(regime, "table regime");
    notBlank(sector, "table sector");
    regions = copy(regions, "table regions");
    worldPriceChange = Map.copyOf(notNull(worldPriceChange, "worldPriceChange"));
    flowsBefore = Map.copyOf(notNull(flowsBefore, "flowsBefore"));
    flowsAfter = Map.copyOf(notNull(flowsAfter, "flowsAfter"));
    welfare = Map.copyOf(notNull(welfare, "welfare"));
  }
}
