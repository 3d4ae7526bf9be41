package com.autoretail.sales.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/message}. The fields are read as any JSON value, not bound to {@code String}, so
 * that a number or an object is refused by name (Jackson would turn {@code 5} into {@code "5"}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record MessageRequest(Object message, Object sessionId) {
}
