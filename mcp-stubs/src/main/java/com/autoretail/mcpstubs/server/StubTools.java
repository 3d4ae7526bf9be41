package com.autoretail.mcpstubs.server;

/**
 * Marks a bean whose {@code @McpTool} methods the running stub serves. Each stub's tools bean is
 * conditional on {@code stub}, so a server lists only its own tools.
 */
public interface StubTools {

}
