/**
 * The agent contract's core: {@code BaseAgentService} that every agent extends, the operation catalog (own and
 * MCP-discovered operations with their JSON schemas), the runner of one {@code /execute} (validation, idempotency,
 * timeout, envelope) and the agent endpoints.
 */
package com.autoretail.common.agent;
