package com.autoretail.mcpstubs.parts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartsCatalogueTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));

    private final PartsCatalogue catalogue = new PartsCatalogue(new PartsCatalogue.Seed(List.of(new Part("BRK1",
            "Brake Pad Set", "brakes", "pads", "Akebono", new BigDecimal("89.99"), "USD", 4, 3, 12, false, List.of()))),
            this.clock, Duration.ofHours(1));

    @Test
    void expiredReservationGivesItsStockBackOnceByItself() {
        Reservation reservation = this.catalogue.reserve("1234", Map.of("BRK1", 3));
        assertThat(this.catalogue.get("BRK1").stock()).isEqualTo(1);

        this.clock.advance(Duration.ofMinutes(61));

        assertThat(this.catalogue.get("BRK1").stock()).isEqualTo(4);
        assertThat(this.catalogue.getReservation(reservation.reservationId()).status())
            .isEqualTo(Reservation.Status.EXPIRED);
        PartsCatalogue.Release release = this.catalogue.release(reservation.reservationId());
        assertThat(release.alreadyEnded()).isTrue();
        assertThat(release.restored()).isEmpty();
        assertThat(this.catalogue.get("BRK1").stock()).isEqualTo(4);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

    }

}
