package org.tariffcast.model.result;

/**
 * Welfare change of one region in one sector market, USD per year at base-year scale.
 *
 * @param consumerSurplus change in importer (consumer) surplus
 * @param producerSurplus change in exporter (producer) surplus
 * @param tariffRevenue change in customs revenue
 * @param net the sum of the three
 */
public record Welfare(double consumerSurplus, double producerSurplus, double tariffRevenue, double net) {
  public static Welfare of(double consumerSurplus, double producerSurplus, double tariffRevenue) {
    return new Welfare(consumerSurplus, producerSurplus, tariffRevenue,
        consumerSurplus + producerSurplus + tariffRevenue);
  }

  public Welfare plus(Welfare o) {
    return of(consumerSurplus + o.consumerSurplus, producerSurplus + o.producerSurplus, tariffRevenue + o.tariffRevenue);
  }
}
