package com.autoretail.sales.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A SKU's stock as the inventory agent answers {@code GET /inventory/{sku}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockView(String sku, String name, int onlineStock, Map<String, Integer> storeStock, int totalStock,
                          int reserved) {

    public StockView {
        // in store id order, for the customer and the wire alike
        storeStock = storeStock == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(storeStock));
    }
}
