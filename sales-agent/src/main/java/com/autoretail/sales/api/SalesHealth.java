package com.autoretail.sales.api;

import com.autoretail.common.wire.AgentHealth;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The sales agent's {@code GET /health}: the integration guide's three fields ({@code status}, {@code sales_agent},
 * {@code inventory_service}) followed by the fleet's ({@code service}, {@code version}, {@code uptime_seconds},
 * {@code dependencies} with {@code inventory}).
 *
 * @param inventoryService {@code connected} or {@code unavailable}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"status", "sales_agent", "inventory_service"})
@JsonIgnoreProperties(ignoreUnknown = true)
record SalesHealth(String status, String salesAgent, String inventoryService, String service, String version,
                   double uptimeSeconds, Map<String, AgentHealth.Dependency> dependencies) {

    static final String RUNNING = "running";
    static final String CONNECTED = "connected";
    static final String UNAVAILABLE = "unavailable";
}
