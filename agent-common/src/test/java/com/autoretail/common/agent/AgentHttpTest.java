package com.autoretail.common.agent;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.fixture.TestMcpServer;
import com.autoretail.common.testsupport.AgentHttpTestSupport;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test agent in front of a real MCP server, both started once for every test class extending this one
 * (they share one cached Spring context; the MCP server stops with the JVM).
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(classes = TestAgentApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AgentHttpTest extends AgentHttpTestSupport {

    static final ConfigurableApplicationContext mcpServer = TestMcpServer.start(0);

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        String port = mcpServer.getEnvironment().getProperty("local.server.port");
        mcpAgentSettings(registry, () -> "http://localhost:" + port + "/mcp");
        registry.add("agent.mcp.headers.[X-User-Id]", () -> "ambujmehra");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        registry.add("resilience4j.retry.instances.agent-callback.wait-duration", () -> "100ms");
        // shorter than the slow side effects of the tests: only its renewals keep them from being taken over
        registry.add("agent.idempotency.lease", () -> "600ms");
    }
}
