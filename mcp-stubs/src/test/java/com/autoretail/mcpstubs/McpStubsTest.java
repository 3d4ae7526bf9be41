package com.autoretail.mcpstubs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpStubsTest {

    @Test
    void runsTheThreeStubsSideBySideEachServingOnlyItsOwnTools() {
        Map<String, ConfigurableApplicationContext> stubs = Map.of("payment-mcp", RunningStubs.payment(),
                "repair-orders-mcp", RunningStubs.repairOrders(), "parts-mcp", RunningStubs.parts());
        Set<Integer> ports = new HashSet<>();
        Set<String> allTools = new HashSet<>();
        int toolCount = 0;

        for (Map.Entry<String, ConfigurableApplicationContext> stub : stubs.entrySet()) {
            ports.add(McpStubs.port(stub.getValue()));
            Map<String, String> businessHeaders = stub.getKey().equals("payment-mcp")
                    ? McpTestClient.paymentHeaders("TENANT_AUTOMOTIVE_RETAIL") : McpTestClient.serviceHeaders("tests");
            try (McpTestClient client = McpTestClient.connect(stub.getValue(), businessHeaders)) {
                assertThat(client.initializeResult().serverInfo().name()).isEqualTo(stub.getKey());
                List<String> names = client.tools().stream().map(Tool::name).toList();
                toolCount += names.size();
                allTools.addAll(names);
            }
        }

        assertThat(ports).hasSize(3);
        assertThat(toolCount).isEqualTo(7 + 7 + 6).isEqualTo(allTools.size());
        assertThat(McpStubs.endpoint(RunningStubs.parts()))
            .isEqualTo("http://localhost:" + McpStubs.port(RunningStubs.parts()) + "/mcp");
    }

    @Test
    void readsSeedDataFromTheConfiguredLocation(@TempDir Path directory) throws Exception {
        Path catalogue = directory.resolve("parts.json");
        Files.writeString(catalogue, """
                {"parts": [{"part_number": "ZZ9", "name": "Flux Capacitor", "category": "electrical",
                  "price": 1985.00, "currency": "USD", "stock": 1, "universal": true}]}""");

        try (ConfigurableApplicationContext parts = McpStubs.start("parts", 0, "--stubs.data.parts=file:" + catalogue);
                McpTestClient client = McpTestClient.connect(parts, McpTestClient.serviceHeaders("tests"))) {
            assertThat(client.ok("search_parts", Map.of("part_name", "flux"))).containsEntry("count", 1);
            client.refused("get_part_details", Map.of("part_number", "1234"), "NOT_FOUND");
        }
    }

    @Test
    void refusesAnUnknownStub() {
        assertThatThrownBy(() -> McpStubs.start("billing", 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("payment|repair-orders|parts");
    }

    @Test
    void refusesToStartWithoutAStub() {
        assertThatThrownBy(() -> McpStubs.application().run("--server.port=0"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("--stub=payment|repair-orders|parts");
    }

}
