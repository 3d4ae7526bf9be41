package com.autoretail.inventory.store;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A product as seeded: its stock per location ({@code online} and each store id).
 */
public record Product(String sku, String name, BigDecimal price, Map<String, Integer> stock) {

    public Product {
        stock = Map.copyOf(stock);
    }
}
