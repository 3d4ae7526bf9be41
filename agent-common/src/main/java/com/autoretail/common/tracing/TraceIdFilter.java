package com.autoretail.common.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers every request with the id of its trace in {@value #HEADER}, so that a caller finds the request in Jaeger
 * (or any OTLP backend) whether or not it was sampled. Runs inside Spring's server observation, whose span it reads.
 */
public class TraceIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Trace-Id";

    private final Tracer tracer;

    public TraceIdFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = currentTraceId(tracer);
        if (traceId != null) {
            response.setHeader(HEADER, traceId);
        }
        chain.doFilter(request, response);
    }

    /** The trace id of the current span, or null outside of one. */
    public static String currentTraceId(Tracer tracer) {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        String id = span.context().traceId();
        return id == null || id.isBlank() ? null : id;
    }
}
