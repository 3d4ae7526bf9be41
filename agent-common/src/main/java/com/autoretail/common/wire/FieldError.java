package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One failing field of a request: its path ({@code amount}, {@code items[0].sku}) and what is wrong. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
