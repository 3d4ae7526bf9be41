package com.autoretail.mcpstubs.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ConfigurableApplicationContext;

import com.autoretail.mcpstubs.McpStubs;

/**
 * A stub MCP server for an agent's tests (shipped in this module's test jar): started once per JVM, on a random
 * port that it keeps, so a test can stop it and start it again to see the agent lose and regain its server. An
 * agent's test class gets it with {@link StubMcpServer}.
 */
public final class AgentTestStub {

    private static final Map<String, AgentTestStub> RUNNING = new ConcurrentHashMap<>();

    private final String stub;

    private final int port;

    private volatile ConfigurableApplicationContext context;

    private AgentTestStub(String stub) {
        this.stub = stub;
        this.context = McpStubs.start(stub, 0);
        this.port = McpStubs.port(this.context);
    }

    /** The stub of this name ({@code payment}, {@code repair-orders} or {@code parts}), started on first use. */
    public static AgentTestStub running(String stub) {
        return RUNNING.computeIfAbsent(stub, AgentTestStub::new);
    }

    /** What the agent under test needs: this endpoint, quick reconnects, and no MCP server of its own. */
    Map<String, String> agentProperties() {
        return Map.of("agent.mcp.endpoint", "http://localhost:" + this.port + "/mcp",
                "agent.mcp.monitor-interval", "200ms",
                "agent.mcp.connect-timeout", "2s",
                "spring.ai.mcp.server.enabled", "false",
                "server.shutdown", "immediate");
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
