package com.autoretail.sales.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inventory agent answered with a 4xx: a business answer (404 unknown SKU or hold, 409 short stock or a
 * finished hold, 429 a hold quota used up), never retried and never a failure of the inventory.
 *
 * @see #details() the problem's {@code details}, e.g. {@code current_stock} of a short-stock 409
 */
public class InventoryRefusedException extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> details;
    private final String errorCode;

    public InventoryRefusedException(int status, String message, Map<String, Object> details) {
        this(status, message, details, null);
    }

    /** @param errorCode the problem's {@code error_code}, null when it has none */
    public InventoryRefusedException(int status, String message, Map<String, Object> details, String errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
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

    /** The session or customer holds as much as the inventory lets it: a hold must end before another. */
    public boolean quotaExceeded() {
        return "QUOTA_EXCEEDED".equals(errorCode);
    }
}
