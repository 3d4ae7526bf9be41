package com.autoretail.common.mcp;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach an MCP server.
 *
 * @param endpoint        full URL of the Streamable HTTP endpoint, e.g. {@code http://localhost:3005/mcp}
 * @param headers         business headers sent on every request ({@code X-User-Id}, {@code X-Service}, ...)
 * @param requestTimeout  bound of one MCP request
 * @param connectTimeout  bound of connecting and initializing a session
 * @param monitorInterval how often the connection is checked and re-established
 */
public record McpClientSettings(
        String endpoint,
        Map<String, String> headers,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration monitorInterval,
        String clientName,
        String clientVersion) {

    public McpClientSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
