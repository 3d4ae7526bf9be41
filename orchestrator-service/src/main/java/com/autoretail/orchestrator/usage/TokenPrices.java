package com.autoretail.orchestrator.usage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The LLM's prices per 1,000 tokens ({@code orchestrator.llm-prices}; {@code LLM_PRICE_INPUT_PER_1K},
 * {@code LLM_PRICE_OUTPUT_PER_1K}, {@code LLM_PRICE_CURRENCY}): zero by default, so that a cost is shown only when
 * someone says what the model costs.
 */
@Validated
@ConfigurationProperties("orchestrator.llm-prices")
public record TokenPrices(@DefaultValue("0") @PositiveOrZero BigDecimal inputPer1k,
                          @DefaultValue("0") @PositiveOrZero BigDecimal outputPer1k,
                          @DefaultValue(DEFAULT_CURRENCY) @NotBlank String currency) {

    public static final String DEFAULT_CURRENCY = "USD";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final int SCALE = 6;

    public static TokenPrices free() {
        return new TokenPrices(BigDecimal.ZERO, BigDecimal.ZERO, DEFAULT_CURRENCY);
    }

    /** The usage of {@code calls} calls with these tokens, priced. */
    public LlmUsage price(int calls, long inputTokens, long outputTokens) {
        BigDecimal cost = inputPer1k.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPer1k.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(THOUSAND, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return new LlmUsage(calls, inputTokens, outputTokens, cost.signum() == 0 ? BigDecimal.ZERO : cost, currency);
    }
}
