package com.autoretail.inventory;

import com.autoretail.common.wire.FieldError;
import com.autoretail.inventory.store.SeedCatalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one request's parameters and collects every failing field before anything runs. Values arrive as
 * query-string text, JSON numbers or operation parameters, so numbers are taken as a {@link Number} or its
 * text and must be whole.
 */
final class RequestChecks {

    static final int MAX_TEXT_LENGTH = 200;

    private final List<String> locations;
    private final int maxQuantity;
    private final Duration defaultTtl;
    private final Duration maxTtl;
    private final List<FieldError> errors = new ArrayList<>();

    RequestChecks(List<String> locations, int maxQuantity, Duration defaultTtl, Duration maxTtl) {
        this.locations = locations;
        this.maxQuantity = maxQuantity;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
    }

    /** A required identifier (sku, hold id); null when it fails. */
    String identifier(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optionalText(field, value);
    }

    /** An optional text, absent when blank; never with control characters (CR, LF, NUL...), which forge logs. */
    String optionalText(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT_LENGTH + " characters"));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return value;
    }

    /** @param fallback the quantity when none is given, null when one is required */
    int quantity(Object value, Integer fallback) {
        if (absent(value)) {
            if (fallback == null) {
                errors.add(new FieldError("quantity", "is required"));
                return 0;
            }
            return fallback;
        }
        return (int) whole("quantity", value, 1, maxQuantity);
    }

    String location(String value) {
        if (value == null || value.isBlank()) {
            return SeedCatalog.ONLINE;
        }
        if (!locations.contains(value)) {
            errors.add(new FieldError("location", "must be one of " + String.join(", ", locations)));
        }
        return value;
    }

    Duration ttl(Object value) {
        if (absent(value)) {
            return defaultTtl;
        }
        return Duration.ofSeconds(whole("ttl", value, 1, maxTtl.toSeconds()));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private long whole(String field, Object value, long min, long max) {
        String range = "must be a whole number from " + min + " to " + max;
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, range));
            return min;
        }
        if (!(value instanceof Number || value instanceof String) || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(field, range));
            return min;
        }
        return number.longValueExact();
    }

    private static boolean absent(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
