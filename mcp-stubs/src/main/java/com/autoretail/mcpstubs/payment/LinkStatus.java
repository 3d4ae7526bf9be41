package com.autoretail.mcpstubs.payment;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a payment link stands. Only a pending link can be paid or cancelled. */
enum LinkStatus {

    PENDING, PAID, EXPIRED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED;

    boolean isPaid() {
        return this == PAID || this == PARTIALLY_REFUNDED;
    }

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static LinkStatus fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

}
