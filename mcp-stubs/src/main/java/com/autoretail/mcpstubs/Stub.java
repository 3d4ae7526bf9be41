package com.autoretail.mcpstubs;

import java.util.Arrays;
import java.util.List;

import com.autoretail.mcpstubs.server.BusinessHeaders;

/**
 * The three dealer systems this module can run as. One process runs exactly one of them,
 * chosen at start with {@code --stub=<key>}.
 */
public enum Stub {

    PAYMENT("payment", 3002, "payment-mcp",
            List.of(BusinessHeaders.TENANT_ID, BusinessHeaders.DEALER_ID, BusinessHeaders.USER_ID)),
    REPAIR_ORDERS("repair-orders", 3003, "repair-orders-mcp",
            List.of(BusinessHeaders.USER_ID, BusinessHeaders.SERVICE)),
    PARTS("parts", 3005, "parts-mcp", List.of(BusinessHeaders.USER_ID, BusinessHeaders.SERVICE));

    private final String key;

    private final int defaultPort;

    private final String serverName;

    private final List<String> requiredHeaders;

    Stub(String key, int defaultPort, String serverName, List<String> requiredHeaders) {
        this.key = key;
        this.defaultPort = defaultPort;
        this.serverName = serverName;
        this.requiredHeaders = requiredHeaders;
    }

    /** The value of {@code --stub}: {@code payment}, {@code repair-orders} or {@code parts}. */
    public String key() {
        return this.key;
    }

    public int defaultPort() {
        return this.defaultPort;
    }

    /** The name the MCP server reports in its {@code initialize} answer. */
    public String serverName() {
        return this.serverName;
    }

    /** The business headers every request to this stub's {@code /mcp} must carry. */
    public List<String> requiredHeaders() {
        return this.requiredHeaders;
    }

    /**
     * The stub for a {@code --stub} value.
     * @throws IllegalArgumentException naming the accepted values when {@code key} is none of them
     */
    public static Stub of(String key) {
        return Arrays.stream(values())
            .filter(stub -> stub.key.equals(key))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown stub '" + key + "': choose --stub="
                    + String.join("|", Arrays.stream(values()).map(Stub::key).toList())));
    }

}
