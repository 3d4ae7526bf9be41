package com.autoretail.mcpstubs.server;

import java.util.Map;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import com.autoretail.mcpstubs.Stub;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A header-free liveness answer for scripts and container health checks. */
@RestController
class HealthController {

    private final Stub stub;

    private final McpSyncServer server;

    HealthController(Stub stub, McpSyncServer server) {
        this.stub = stub;
        this.server = server;
    }

    @GetMapping("/health")
    Map<String, Object> health() {
        return Map.of("status", "UP", "stub", this.stub.key(), "server", this.server.getServerInfo().name(),
                "tools", this.server.listTools().stream().map(Tool::name).sorted().toList());
    }

}
