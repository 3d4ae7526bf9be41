/**
 * The MCP server every stub shares: Streamable HTTP, the required business headers, the argument checks and the tool
 * error convention, the body limit and health.
 */
package com.autoretail.mcpstubs.server;
