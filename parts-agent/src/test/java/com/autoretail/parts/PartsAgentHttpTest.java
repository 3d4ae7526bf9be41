package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.testsupport.AgentTestStub;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    static final AgentTestStub STUB = new AgentTestStub("parts");

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        STUB.agentSettings(registry);
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
        STUB.stop();
    }

    static void startStubAgain() {
        STUB.restart();
    }

    Reply execute(String operation, String parameters) {
        return http.execute(operation, parameters);
    }

    Reply execute(String requestId, String operation, String parameters) {
        return http.execute(requestId, operation, parameters);
    }

    int stockOf(String partNumber) {
        return execute("check_part_availability", "{\"part_number\":\"" + partNumber + "\"}")
                .body().at("/result/stock").asInt();
    }
}
