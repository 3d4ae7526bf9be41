package com.autoretail.orchestrator.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * The LLM tokens a workflow used, as the model reported them, every call of its planning (repairs included), and
 * their cost at the configured prices.
 *
 * @param calls        LLM calls made
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param cost         at {@link TokenPrices}, in its currency; zero when no price is configured
 * @param currency     the prices' currency
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LlmUsage(int calls, long inputTokens, long outputTokens, BigDecimal cost, String currency) {

    /** No LLM call: the rule planner planned, or the caller gave the plan. */
    public static final LlmUsage NONE = new LlmUsage(0, 0, 0, BigDecimal.ZERO, TokenPrices.DEFAULT_CURRENCY);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
