package com.autoretail.mcpstubs.repairorders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parts catalogue's names and prices, read from the parts seed file, so a part line recorded
 * without a price still gets the list price. The parts stub runs in another process: this is a
 * read-only copy of its seed, not its live stock.
 */
final class PriceList {

    /** The part fields of the parts seed file that a repair order needs. */
    record Entry(String partNumber, String name, BigDecimal price) {
    }

    /** The parts seed file, read for its part numbers, names and prices only. */
    record Seed(List<Entry> parts) {
    }

    private final Map<String, Entry> byNumber;

    PriceList(Seed seed) {
        this.byNumber = (seed.parts() != null ? seed.parts() : List.<Entry>of()).stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.partNumber().toUpperCase(Locale.ROOT),
                    Function.identity(), (first, second) -> first));
    }

    Optional<Entry> find(String partNumber) {
        return Optional.ofNullable(this.byNumber.get(partNumber.toUpperCase(Locale.ROOT)));
    }

}
