package com.autoretail.mcpstubs.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.autoretail.mcpstubs.McpStubs;

/**
 * A stub MCP server for an agent's tests (shipped in this module's test jar): started once, on a random port that
 * it keeps, so a test can stop it and start it again to see the agent lose and regain its server.
 */
public final class AgentTestStub {

    private final String stub;

    private final int port;

    private volatile ConfigurableApplicationContext context;

    public AgentTestStub(String stub) {
        this.stub = stub;
        this.context = McpStubs.start(stub, 0);
        this.port = McpStubs.port(this.context);
    }

    /** What the agent under test needs: this endpoint, quick reconnects, and no MCP server of its own. */
    public void agentSettings(DynamicPropertyRegistry registry) {
        registry.add("agent.mcp.endpoint", () -> "http://localhost:" + this.port + "/mcp");
        registry.add("agent.mcp.monitor-interval", () -> "200ms");
        registry.add("agent.mcp.connect-timeout", () -> "2s");
        registry.add("spring.ai.mcp.server.enabled", () -> "false");
        registry.add("server.shutdown", () -> "immediate");
    }

    /**
     * Stops the stub, runs the checks of an agent without its MCP server, and starts the stub again on its port,
     * with its seed data, whatever the checks did.
     */
    public void whileStopped(Runnable checks) {
        this.context.close();
        try {
            checks.run();
        }
        finally {
            this.context = McpStubs.start(this.stub, this.port);
        }
    }

}
