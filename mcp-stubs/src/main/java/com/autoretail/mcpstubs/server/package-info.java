/**
 * The MCP server every stub shares: Streamable HTTP, the required business headers, the argument checks and the tool
 * error convention, the memory of side-effecting calls by idempotency key, the body limit and health.
 */
package com.autoretail.mcpstubs.server;
