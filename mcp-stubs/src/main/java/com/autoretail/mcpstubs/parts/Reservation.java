package com.autoretail.mcpstubs.parts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Parts held for a repair order. Its stock comes back once: on release or when it expires. */
record Reservation(String reservationId, String repairOrderId, List<ReservedPart> reservedParts, Status status,
        Instant createdAt, Instant expiryTime, Instant endedAt) {

    Reservation {
        reservedParts = List.copyOf(reservedParts);
    }

    enum Status {

        RESERVED, RELEASED, EXPIRED;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    record ReservedPart(String partNumber, String name, int quantity, BigDecimal unitPrice, int remainingStock) {
    }

    Reservation ended(Status endStatus, Instant now) {
        return new Reservation(reservationId, repairOrderId, reservedParts, endStatus, createdAt, expiryTime, now);
    }

    BigDecimal totalPrice() {
        return reservedParts.stream()
            .map(part -> part.unitPrice().multiply(BigDecimal.valueOf(part.quantity())))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

}
