package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.McpStubs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repair-orders agent over HTTP in front of the real repair-orders MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port). The agent is a Mockito spy, so that a test can tell which MCP tools it
 * called.
 */
@SpringBootTest(classes = RepairOrdersAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RepairOrdersAgentHttpTest {

    static ConfigurableApplicationContext stub = McpStubs.start("repair-orders", 0);
    static final int STUB_PORT = McpStubs.port(stub);

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        registry.add("agent.mcp.endpoint", () -> McpStubs.endpoint(stub));
        registry.add("agent.mcp.monitor-interval", () -> "200ms");
        registry.add("agent.mcp.connect-timeout", () -> "2s");
        registry.add("spring.ai.mcp.server.enabled", () -> "false");
        registry.add("server.shutdown", () -> "immediate");
    }

    @LocalServerPort
    int port;

    @MockitoSpyBean
    RepairOrdersAgent agent;

    HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
        awaitMcpUp();
    }

    void awaitMcpUp() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/health").status() == 200);
    }

    static void stopStub() {
        stub.close();
    }

    static void startStubAgain() {
        stub = McpStubs.start("repair-orders", STUB_PORT);
    }

    Reply execute(String operation, String parameters) {
        return http.post("/execute", "{\"operation\":\"" + operation + "\",\"parameters\":" + parameters + "}");
    }

    Reply execute(String requestId, String operation, String parameters) {
        return http.post("/execute", "{\"request_id\":\"" + requestId + "\",\"operation\":\"" + operation
                + "\",\"parameters\":" + parameters + "}");
    }

    /** A new pending repair order of the seeded customer; its number. */
    String newRepairOrder() {
        Reply created = execute("create_repair_order", "{\"customer_id\":\"ambujmehra\",\"vehicle_id\":\"VEH001\","
                + "\"service_description\":\"Front brake pads replacement\"}");
        assertThat(created.status()).isEqualTo(200);
        return created.body().at("/result/repair_order_id").asText();
    }

    JsonNode details(String repairOrderId) {
        return execute("get_repair_order_details", "{\"repair_order_id\":\"" + repairOrderId + "\"}")
                .body().path("result");
    }
}
