package com.autoretail.inventory.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Whether a quantity of a SKU can be held at a location now. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvailabilityView(String sku, boolean available, int currentStock, int requestedQuantity,
                               String location) {
}
