package com.autoretail.common.mcp;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.fixture.TestMcpServer;
import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.FreePorts;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent whose MCP server is down when it starts: it starts anyway, reports DOWN, answers
 * UPSTREAM_UNAVAILABLE fast, and recovers by itself when the server comes up, goes away and comes back.
 */
@SpringBootTest(classes = TestAgentApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpRecoveryTest {

    static final int MCP_PORT = FreePorts.next();

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        AgentHttpTestSupport.mcpAgentSettings(registry, () -> "http://localhost:" + MCP_PORT + "/mcp");
    }

    @LocalServerPort
    int port;

    ConfigurableApplicationContext mcpServer;

    @AfterEach
    void stopServer() {
        if (mcpServer != null) {
            mcpServer.close();
        }
    }

    private Reply lookup(HttpJson http) {
        return http.post("/execute", "{\"operation\":\"lookup_item\",\"parameters\":{\"sku\":\"SKU000001\"}}");
    }

    @Test
    void agentStartsWithoutItsMcpServerAndRecoversWhenItComesAndGoes() {
        HttpJson http = new HttpJson("http://localhost:" + port);

        Reply health = http.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("DOWN");
        assertThat(health.body().at("/dependencies/mcp/status").asText()).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
        long start = System.nanoTime();
        Reply whileDown = lookup(http);
        assertThat(whileDown.status()).isEqualTo(503);
        assertThat(whileDown.text("error_code")).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
        assertThat(http.post("/execute", "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2}}")
                .status()).as("local operations work without the MCP server").isEqualTo(200);

        mcpServer = TestMcpServer.start(MCP_PORT);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/health").status() == 200);
        assertThat(http.get("/capabilities").body().path("mcp_tools").toString()).contains("lookup_item");
        assertThat(lookup(http).status()).isEqualTo(200);

        mcpServer.close();
        start = System.nanoTime();
        Reply afterLoss = lookup(http);
        assertThat(afterLoss.text("error_code")).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
        assertThat(http.get("/capabilities").body().path("mcp_tools").toString())
                .as("the last known tools stay listed").contains("lookup_item");
        for (int i = 0; i < 5; i++) {
            lookup(http);
        }
        assertThat(lookup(http).text("error")).as("the breaker opens after repeated failures")
                .contains("circuit breaker open");

        mcpServer = TestMcpServer.start(MCP_PORT);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/health").status() == 200);
        Reply afterRestart = lookup(http);
        assertThat(afterRestart.status()).isEqualTo(200);
        assertThat(afterRestart.body().at("/result/sku").asText()).isEqualTo("SKU000001");
    }
}
