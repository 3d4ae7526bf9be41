package com.autoretail.common.agent;

import com.autoretail.common.mcp.McpToolClient;
import com.autoretail.common.tasks.CallbackSender;

import java.util.Optional;

/**
 * What the fleet gives every agent: its MCP client (when {@code agent.mcp.endpoint} is configured) and the
 * callback sender. Provided as a bean by the auto-configuration; an agent takes it in its constructor.
 */
public record AgentToolkit(Optional<McpToolClient> mcp, CallbackSender callbacks) {
}
