package org.tariffcast.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tariffcast.app.TariffcastProperties;

class DeliveryWatchTest {
  static final TariffcastProperties.Schedule NIGHTLY = new TariffcastProperties.Schedule("nightly", "0 0 2 * * ?",
      "Asia/Ho_Chi_Minh", true, null, null, null, 0);

  @Test
  void theLastFireInAWindowIsTheScheduleTimeInItsOwnZone() {
    // 02:00 in Ho Chi Minh City (UTC+7, no daylight saving) is 19:00 UTC the day before
    assertThat(DeliveryWatch.lastFireBetween(NIGHTLY, Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2026-12-02T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T19:00:00Z"));
    assertThat(DeliveryWatch.lastFireBetween(NIGHTLY, Instant.parse("2026-11-29T00:00:00Z"),
        Instant.parse("2026-12-02T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T19:00:00Z"));
  }

  @Test
  void noFireInAWindowThatHoldsNone() {
    assertThat(DeliveryWatch.lastFireBetween(NIGHTLY, Instant.parse("2026-12-01T19:00:01Z"),
        Instant.parse("2026-12-02T18:59:59Z"))).isNull();
    assertThat(DeliveryWatch.lastFireBetween(NIGHTLY, Instant.parse("2026-12-02T00:00:00Z"),
        Instant.parse("2026-12-01T00:00:00Z"))).isNull();
  }
}
