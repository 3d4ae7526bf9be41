package com.autoretail.sales.conversation;

import java.util.Locale;
import java.util.Optional;

/** What a customer's message asks for; its wire name is the lower-case name. */
public enum CustomerIntent {
    INVENTORY, ORDER, CHECKOUT, CANCEL, GREETING, HELP, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent of a wire name, empty for anything else (an LLM's invention). */
    public static Optional<CustomerIntent> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (CustomerIntent intent : values()) {
            if (intent.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
