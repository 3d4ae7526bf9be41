package com.autoretail.mcpstubs.server;

import java.util.HashMap;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;

import org.springframework.web.servlet.function.ServerRequest;

/**
 * The business headers of the dealer systems. The transport copies them from each HTTP request into
 * the MCP transport context, which travels with the tool call whatever thread runs it, so a tool reads
 * them from its {@link McpSyncServerExchange} rather than from a thread-bound request.
 */
public final class BusinessHeaders {

    public static final String TENANT_ID = "X-Tenant-Id";

    public static final String DEALER_ID = "X-Dealer-Id";

    public static final String USER_ID = "X-User-Id";

    public static final String SERVICE = "X-Service";

    private static final String[] ALL = { TENANT_ID, DEALER_ID, USER_ID, SERVICE };

    private BusinessHeaders() {
    }

    static McpTransportContext extract(ServerRequest request) {
        Map<String, Object> values = new HashMap<>();
        for (String header : ALL) {
            String value = request.headers().firstHeader(header);
            if (value != null && !value.isBlank()) {
                values.put(header, value.trim());
            }
        }
        return McpTransportContext.create(values);
    }

    /**
     * The header's value on the request that carried this tool call.
     * @throws IllegalStateException when it is absent, which the required-headers filter prevents
     */
    public static String of(McpSyncServerExchange exchange, String header) {
        Object value = exchange.transportContext().get(header);
        if (value == null) {
            throw new IllegalStateException(header + " missing from the MCP transport context");
        }
        return value.toString();
    }

}
