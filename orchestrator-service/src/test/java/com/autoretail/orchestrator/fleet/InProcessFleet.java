package com.autoretail.orchestrator.fleet;

import com.autoretail.mcpstubs.McpStubs;
import com.autoretail.parts.PartsAgentApplication;
import com.autoretail.payment.PaymentAgentApplication;
import com.autoretail.repairorders.RepairOrdersAgentApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The three MCP stubs and the payment, parts and repair-orders agents, each a real Spring Boot app on a random
 * port in this JVM. Every setting is passed as an argument: in one JVM only the first {@code application.yml}
 * on the classpath is read.
 */
final class InProcessFleet implements AutoCloseable {

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    final String payment;
    final String parts;
    final String repairOrders;

    InProcessFleet() {
        ConfigurableApplicationContext paymentStub = keep(McpStubs.start("payment", 0));
        ConfigurableApplicationContext partsStub = keep(McpStubs.start("parts", 0));
        ConfigurableApplicationContext repairOrdersStub = keep(McpStubs.start("repair-orders", 0));
        payment = url(keep(agent(PaymentAgentApplication.class, "payment-agent", McpStubs.endpoint(paymentStub),
                "--agent.mcp.headers.[X-Tenant-Id]=TENANT_AUTOMOTIVE_RETAIL",
                "--agent.mcp.headers.[X-Dealer-Id]=DEALER_001_AUTOMOTIVE",
                "--agent.mcp.headers.[X-User-Id]=ambujmehra")));
        parts = url(keep(agent(PartsAgentApplication.class, "parts-agent", McpStubs.endpoint(partsStub),
                "--agent.mcp.headers.[X-User-Id]=ambujmehra", "--agent.mcp.headers.[X-Service]=parts-agent")));
        repairOrders = url(keep(agent(RepairOrdersAgentApplication.class, "repair-orders-agent",
                McpStubs.endpoint(repairOrdersStub), "--agent.mcp.headers.[X-User-Id]=ambujmehra",
                "--agent.mcp.headers.[X-Service]=repair-orders-agent")));
    }

    private static ConfigurableApplicationContext agent(Class<?> application, String name, String mcpEndpoint,
                                                        String... headers) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=" + name,
                "--agent.mcp.endpoint=" + mcpEndpoint, "--agent.mcp.monitor-interval=200ms",
                "--spring.ai.mcp.server.enabled=false", "--server.shutdown=immediate",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(headers));
        return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    }

    private ConfigurableApplicationContext keep(ConfigurableApplicationContext app) {
        apps.add(app);
        return app;
    }

    private static String url(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
    }
}
