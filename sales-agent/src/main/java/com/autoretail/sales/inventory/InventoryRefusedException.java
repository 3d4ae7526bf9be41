package com.autoretail.sales.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inventory agent answered with a 4xx: a business answer (404 unknown SKU or hold, 409 short stock or a
 * finished hold), never retried and never a failure of the inventory.
 *
 * @see #details() the problem's {@code details}, e.g. {@code current_stock} of a short-stock 409
 */
public class InventoryRefusedException extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> details;

    public InventoryRefusedException(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        // a problem's details may hold nulls, which Map.copyOf refuses
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean conflict() {
        return status == 409;
    }
}
