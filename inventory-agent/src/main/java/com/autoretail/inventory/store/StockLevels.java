package com.autoretail.inventory.store;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A product's live stock: what can still be held per location, and how much is held right now.
 */
public record StockLevels(String sku, String name, BigDecimal price, Map<String, Integer> stock, int reserved) {

    public StockLevels {
        stock = Map.copyOf(stock);
    }

    public int at(String location) {
        return stock.getOrDefault(location, 0);
    }
}
