package com.autoretail.inventory.store;

/** What became of a request for a hold. */
public sealed interface HoldOutcome {

    /** The stock was taken and the hold made. */
    record Created(Hold hold) implements HoldOutcome {
    }

    /** The idempotency key already made this hold; nothing changed. */
    record Replayed(Hold hold) implements HoldOutcome {
    }

    /** The idempotency key belongs to a hold of another SKU, location or quantity; nothing changed. */
    record KeyInUse(Hold hold) implements HoldOutcome {
    }

    record UnknownSku() implements HoldOutcome {
    }

    /**
     * The hold would take the session or the customer past its quota; nothing changed.
     *
     * @param heldUnits the units the scope holds now
     * @param openHolds the holds the scope has open now
     */
    record QuotaExceeded(HoldLimits.Scope scope, int heldUnits, int openHolds, int maxUnits, int maxHolds)
            implements HoldOutcome {
    }

    /** Not enough stock at the location; nothing changed. */
    record ShortStock(int available) implements HoldOutcome {
    }
}
