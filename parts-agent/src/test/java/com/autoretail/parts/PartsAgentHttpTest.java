package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.McpStubs;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The parts agent over HTTP in front of the real parts MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port).
 */
@SpringBootTest(classes = PartsAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PartsAgentHttpTest {

    static ConfigurableApplicationContext stub = McpStubs.start("parts", 0);
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
        stub = McpStubs.start("parts", STUB_PORT);
    }

    Reply execute(String operation, String parameters) {
        return http.post("/execute", "{\"operation\":\"" + operation + "\",\"parameters\":" + parameters + "}");
    }

    Reply execute(String requestId, String operation, String parameters) {
        return http.post("/execute", "{\"request_id\":\"" + requestId + "\",\"operation\":\"" + operation
                + "\",\"parameters\":" + parameters + "}");
    }

    int stockOf(String partNumber) {
        return execute("check_part_availability", "{\"part_number\":\"" + partNumber + "\"}")
                .body().at("/result/stock").asInt();
    }
}
