package com.autoretail.sales.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Whether a quantity of a SKU can be held at a location, as {@code GET /availability/{sku}} answers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Availability(String sku, boolean available, int currentStock, int requestedQuantity,
                           String location) {
}
