package com.autoretail.inventory.store;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a hold stands. A hold leaves {@code HELD} once, for one of the three final states, and never returns. */
public enum HoldStatus {
    HELD, RELEASED, COMMITTED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static HoldStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
