package com.autoretail.sales.conversation;

/**
 * What a classifier read in a message.
 *
 * @param sku          the SKU the message names, null when none (a follow-up then uses the session's)
 * @param quantity     the quantity the message names, null when none
 * @param classifiedBy {@code rules} or {@code llm}
 */
public record Classification(CustomerIntent intent, String sku, Integer quantity, String classifiedBy) {

    public static final String RULES = "rules";
    public static final String LLM = "llm";
}
