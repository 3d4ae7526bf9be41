/**
 * The MCP client of an agent: the official SDK's client over Streamable HTTP with reconnect, re-listing, a circuit
 * breaker, the business headers and the trace, the idempotency key of every tool call and whether it may have acted,
 * and the mapping of tool results and errors to the contract.
 */
package com.autoretail.common.mcp;
