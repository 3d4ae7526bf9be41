package com.autoretail.inventory.store;

/**
 * The most a session and a customer may hold at once: units held and holds open. A hold that ends (released,
 * committed or expired) frees its share. Checked in the same atomic step that takes the stock.
 */
public record HoldLimits(int sessionUnits, int sessionHolds, int customerUnits, int customerHolds) {

    /** No quota at all. */
    public static final HoldLimits NONE = new HoldLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE);

    public HoldLimits {
        if (sessionUnits < 1 || sessionHolds < 1 || customerUnits < 1 || customerHolds < 1) {
            throw new IllegalArgumentException("every hold limit must be at least 1");
        }
    }

    int units(Scope scope) {
        return scope == Scope.SESSION ? sessionUnits : customerUnits;
    }

    int holds(Scope scope) {
        return scope == Scope.SESSION ? sessionHolds : customerHolds;
    }

    /** What a quota is counted per. */
    public enum Scope {
        SESSION, CUSTOMER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
