package com.autoretail.common.mcp;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The W3C trace context ({@code traceparent}) of the current span as headers, read on the calling thread so
 * that MCP requests, which the SDK sends from its own threads, continue the caller's trace.
 */
public class TraceHeaders implements Supplier<Map<String, String>> {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> get() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers;
    }
}
