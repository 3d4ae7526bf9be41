package com.autoretail.mcpstubs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stubs the tests talk to: each started once per test JVM, on a random port, through the same
 * launcher other modules use, and left running side by side until the JVM exits.
 */
public final class RunningStubs {

    private static final Map<String, ConfigurableApplicationContext> RUNNING = new ConcurrentHashMap<>();

    private RunningStubs() {
    }

    public static ConfigurableApplicationContext payment() {
        return get("payment");
    }

    public static ConfigurableApplicationContext repairOrders() {
        return get("repair-orders");
    }

    public static ConfigurableApplicationContext parts() {
        return get("parts");
    }

    private static ConfigurableApplicationContext get(String stub) {
        return RUNNING.computeIfAbsent(stub, key -> McpStubs.start(key, 0));
    }

}
