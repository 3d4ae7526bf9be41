package com.autoretail.orchestrator.usage;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Adds up the usage of the LLM calls of one planning, as each call's answer reports it. */
public final class UsageTally {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong input = new AtomicLong();
    private final AtomicLong output = new AtomicLong();

    /** One call's tokens; a provider that reports none counts as zero. */
    public void add(Integer inputTokens, Integer outputTokens) {
        calls.incrementAndGet();
        input.addAndGet(inputTokens == null ? 0 : inputTokens);
        output.addAndGet(outputTokens == null ? 0 : outputTokens);
    }

    public LlmUsage total(TokenPrices prices) {
        return calls.get() == 0 ? LlmUsage.NONE : prices.price(calls.get(), input.get(), output.get());
    }
}
