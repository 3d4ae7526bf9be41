package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The body of an agent's {@code GET /health}; {@code status} is DOWN when a dependency it needs is down;
 * {@code security} says how callers are authenticated ({@code open}, {@code api-keys}, {@code jwt},
 * {@code api-keys+jwt}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentHealth(
        String status,
        String service,
        String version,
        double uptimeSeconds,
        Map<String, Dependency> dependencies,
        String security) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean up() {
        return UP.equals(status);
    }

    /** The state of one dependency: an MCP server, a store, a peer agent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dependency(String status, String endpoint, Integer tools, String detail) {

        public static Dependency up(String endpoint) {
            return new Dependency(UP, endpoint, null, null);
        }

        public static Dependency down(String endpoint, String detail) {
            return new Dependency(DOWN, endpoint, null, detail);
        }

        @JsonIgnore
        public boolean isUp() {
            return UP.equals(status);
        }
    }
}
