package org.tariffcast.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tariffcast.model.trade.TariffWedge;
import org.tariffcast.model.trade.WedgePart;

class WedgeComponentTest {
  @Test
  void surchargesAddToTheBaseYearAdValoremRate() {
    // a 46 % reciprocal surcharge on a flow with a 3 % MFN rate: 49 % ad valorem
    assertThat(WedgeComponent.SURCHARGE.part()).isEqualTo(WedgePart.AD_VALOREM);
    assertThat(WedgeComponent.SURCHARGE.partValue(0.46, 0.03)).isEqualTo(0.03 + 0.46);
    // 40 % on transshipped goods on top of the same 3 %: the transshipment rate becomes 43 %
    assertThat(WedgeComponent.TRANSSHIPMENT_SURCHARGE.part()).isEqualTo(WedgePart.TRANSSHIPMENT_RATE);
    assertThat(WedgeComponent.TRANSSHIPMENT_SURCHARGE.partValue(0.40, 0.03)).isEqualTo(0.03 + 0.40);
  }

  @Test
  void everyOtherComponentReplacesItsPart() {
    assertThat(WedgeComponent.AD_VALOREM.partValue(0.10, 0.03)).isEqualTo(0.10);
    assertThat(WedgeComponent.TRANSSHIPMENT_RATE.partValue(0.25, 0.03)).isEqualTo(0.25);
    assertThat(WedgeComponent.ANTI_DUMPING.part()).isEqualTo(WedgePart.ANTI_DUMPING);
    assertThat(WedgeComponent.NON_TARIFF_BARRIER.part()).isEqualTo(WedgePart.NON_TARIFF_BARRIER);
    assertThat(WedgeComponent.EXPORT_CONTROL.part()).isEqualTo(WedgePart.EXPORT_CONTROL);
    assertThat(WedgeComponent.TRANSSHIPMENT_SHARE.part()).isEqualTo(WedgePart.TRANSSHIPMENT_SHARE);
    for (WedgeComponent c : WedgeComponent.values()) {
      boolean surcharge = c == WedgeComponent.SURCHARGE || c == WedgeComponent.TRANSSHIPMENT_SURCHARGE;
      assertThat(c.addsToBaseRate()).as(c.key()).isEqualTo(surcharge);
    }
  }

  @Test
  void partsReadTheirOwnComponentOfAWedge() {
    TariffWedge w = TariffWedge.of(0.20, 0.03, 0.05, 0.01, 0.10, 0.40);
    assertThat(WedgePart.AD_VALOREM.of(w)).isEqualTo(0.20);
    assertThat(WedgePart.ANTI_DUMPING.of(w)).isEqualTo(0.03);
    assertThat(WedgePart.NON_TARIFF_BARRIER.of(w)).isEqualTo(0.05);
    assertThat(WedgePart.EXPORT_CONTROL.of(w)).isEqualTo(0.01);
    assertThat(WedgePart.TRANSSHIPMENT_SHARE.of(w)).isEqualTo(0.10);
    assertThat(WedgePart.TRANSSHIPMENT_RATE.of(w)).isEqualTo(0.40);
  }
}
