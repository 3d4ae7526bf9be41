package com.autoretail.orchestrator.usage;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The LLM usage of workflows as counters: {@value #TOKENS} ({@code direction} input|output; Prometheus
 * {@code workflow_llm_tokens_total}) and {@value #COST} ({@code currency}; {@code workflow_llm_cost_total}).
 */
public final class UsageMeters {

    public static final String TOKENS = "workflow.llm.tokens";
    public static final String COST = "workflow.llm.cost";

    private final MeterRegistry meters;

    public UsageMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(LlmUsage usage) {
        if (usage == null || usage.calls() == 0) {
            return;
        }
        meters.counter(TOKENS, "direction", "input").increment(usage.inputTokens());
        meters.counter(TOKENS, "direction", "output").increment(usage.outputTokens());
        meters.counter(COST, "currency", usage.currency()).increment(usage.cost().doubleValue());
    }
}
