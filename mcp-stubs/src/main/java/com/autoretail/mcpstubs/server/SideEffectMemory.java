package com.autoretail.mcpstubs.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * Remembers side-effecting tool calls by the idempotency key in the request's {@code _meta}
 * ({@value #META_KEY}), as a payment provider does: the same key for the same tool and arguments answers the first
 * result without acting again (a call still running is waited for), the same key with other arguments is refused
 * with {@code IDEMPOTENCY_KEY_REUSED} and does nothing. Only calls that acted are remembered: a refusal leaves
 * nothing done, so the same key may try again. A call without a key acts every time, and read-only tools
 * ({@code readOnlyHint}) are passed through. The newest {@code capacity} keys are kept.
 *
 * <p>{@code delay} is a test hook ({@code stubs.side-effect-delay}): every side-effecting call answers that much
 * later, after it acted, so that a test can make the dealer system slower than an agent's timeout.
 */
final class SideEffectMemory {

    /** The key of the idempotency key in a {@code tools/call} request's {@code _meta}. */
    static final String META_KEY = "idempotency_key";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private record Call(String fingerprint, CompletableFuture<CallToolResult> result) {
    }

    private final Map<String, Call> calls;

    private final Duration delay;

    SideEffectMemory(int capacity, Duration delay) {
        this.delay = delay;
        this.calls = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
                return size() > capacity;
            }
        };
    }

    SyncToolSpecification remember(SyncToolSpecification tool) {
        ToolAnnotations annotations = tool.tool().annotations();
        if (annotations != null && Boolean.TRUE.equals(annotations.readOnlyHint())) {
            return tool;
        }
        return SyncToolSpecification.builder().tool(tool.tool()).callHandler((exchange, request) -> {
            String key = idempotencyKey(request);
            if (key == null) {
                return delayed(tool.callHandler().apply(exchange, request));
            }
            String fingerprint = fingerprint(request.arguments());
            String memoryKey = tool.tool().name() + "\u0000" + exchange.transportContext().get(BusinessHeaders.TENANT_ID)
                    + "\u0000" + key;
            Call mine = new Call(fingerprint, new CompletableFuture<>());
            Call first;
            synchronized (this.calls) {
                first = this.calls.putIfAbsent(memoryKey, mine);
            }
            if (first != null) {
                if (!first.fingerprint().equals(fingerprint)) {
                    return ToolResults.refused(new StubException(ToolErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "idempotency key " + key + " was already used for " + tool.tool().name()
                                    + " with other arguments",
                            Map.of("idempotency_key", key, "tool", tool.tool().name())));
                }
                return delayed(first.result().join());
            }
            CallToolResult result;
            try {
                result = tool.callHandler().apply(exchange, request);
            }
            catch (RuntimeException failure) {
                forget(memoryKey, mine);
                mine.result().completeExceptionally(failure);
                throw failure;
            }
            if (Boolean.TRUE.equals(result.isError())) {
                forget(memoryKey, mine);   // refused: nothing was done, so nothing to replay
            }
            mine.result().complete(result);
            return delayed(result);
        }).build();
    }

    private void forget(String memoryKey, Call call) {
        synchronized (this.calls) {
            this.calls.remove(memoryKey, call);
        }
    }

    private CallToolResult delayed(CallToolResult result) {
        if (this.delay.isPositive()) {
            try {
                Thread.sleep(this.delay);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }

    private static String idempotencyKey(CallToolRequest request) {
        Object key = request.meta() != null ? request.meta().get(META_KEY) : null;
        return key != null && !key.toString().isBlank() ? key.toString() : null;
    }

    private static String fingerprint(Map<String, Object> arguments) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(arguments != null ? arguments : Map.of())
                .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (JsonProcessingException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Cannot fingerprint the arguments", ex);
        }
    }

}
