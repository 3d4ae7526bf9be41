package com.autoretail.inventory.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A SKU's stock: what can be held online and per store, their sum, and what is held right now.
 *
 * @param storeStock stock per store id, in store id order
 * @param totalStock online plus every store
 * @param reserved   the quantity of the SKU's holds that are held now (not yet released, committed or expired)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryView(String sku, String name, BigDecimal price, int onlineStock,
                            Map<String, Integer> storeStock, int totalStock, int reserved) {
}
