/**
 * Traces of the fleet: OTLP export switched on by {@code OTEL_EXPORTER_OTLP_ENDPOINT} (and everything sampled then),
 * the trace id on every response ({@code X-Trace-Id}), spans of Redis calls while exporting, and the health checks
 * and probes kept out of the traces. The spans of the agent contract (operations, MCP calls) are observed where
 * the work is done, in {@code agent} and {@code mcp}.
 */
package com.autoretail.common.tracing;
