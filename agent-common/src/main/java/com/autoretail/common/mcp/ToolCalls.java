package com.autoretail.common.mcp;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MCP tool calls of one operation, bound to the thread that runs it. It gives each call the idempotency key
 * that travels in the request's {@code _meta} ({@value #META_KEY}): the request_id for the first call, then
 * {@code <request_id>#2}, {@code #3}... in call order, so that the same operation run again (a takeover after its
 * owner died, a retry after an outcome in doubt) sends the same keys and the dealer system answers the first
 * outcomes instead of acting twice. It also tells whether any call may have acted: sent, and not answered with a
 * definite refusal.
 */
public final class ToolCalls implements AutoCloseable {

    /** The key of the idempotency key in a {@code tools/call} request's {@code _meta}. */
    public static final String META_KEY = "idempotency_key";

    private static final ThreadLocal<ToolCalls> CURRENT = new ThreadLocal<>();

    private final String requestId;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger mayHaveActed = new AtomicInteger();

    private ToolCalls(String requestId) {
        this.requestId = requestId;
    }

    /** Binds the calls of the operation of {@code requestId} to this thread until {@link #close()}. */
    public static ToolCalls open(String requestId) {
        ToolCalls calls = new ToolCalls(requestId);
        CURRENT.set(calls);
        return calls;
    }

    /** The operation this thread runs, or null outside one (then calls carry no idempotency key). */
    static ToolCalls current() {
        return CURRENT.get();
    }

    /** The key of the next call: a function of the request_id and the call's place in the operation. */
    String nextKey() {
        int call = calls.incrementAndGet();
        return call == 1 ? requestId : requestId + "#" + call;
    }

    /** A call goes on the wire: from now on it may act, whatever becomes of its answer. */
    void sending() {
        mayHaveActed.incrementAndGet();
    }

    /** The call just sent certainly did not act: refused by the server, or it never left (connection refused). */
    void didNotAct() {
        mayHaveActed.decrementAndGet();
    }

    /** Whether any call of this operation may have acted on the dealer system. */
    public boolean mayHaveActed() {
        return mayHaveActed.get() > 0;
    }

    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }
}
