package com.autoretail.common.mcp;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The MCP server's connectivity as an Actuator health contributor (part of the readiness group). */
public class McpHealthIndicator implements HealthIndicator {

    private final McpToolClient mcp;

    public McpHealthIndicator(McpToolClient mcp) {
        this.mcp = mcp;
    }

    @Override
    public Health health() {
        var state = mcp.health();
        Health.Builder builder = mcp.connected() ? Health.up() : Health.down();
        builder.withDetail("endpoint", mcp.endpoint()).withDetail("tools", mcp.tools().size());
        if (state.detail() != null) {
            builder.withDetail("error", state.detail());
        }
        return builder.build();
    }
}
