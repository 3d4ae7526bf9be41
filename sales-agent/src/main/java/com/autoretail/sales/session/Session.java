package com.autoretail.sales.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer's conversation, as kept between messages (and stored as JSON in Redis).
 *
 * @param history     the latest messages, the customer's and the agent's, oldest first (bounded)
 * @param lastIntent  the intent of the last message, e.g. {@code order}
 * @param lastSku     the SKU talked about last: what a follow-up without a SKU ("make it 3") refers to
 * @param lastQuantity the quantity of the last order
 * @param pending     the question the agent asked last, which a "yes" answers: {@code checkout} or
 *                    {@code store_availability}; null when none
 * @param holds       the holds made in this session and not yet committed or released
 * @param holdKeys    per SKU, the number of the idempotency key used last for it (0 for the first,
 *                    {@code session-{id}-{sku}}; n for {@code session-{id}-{sku}-{n}})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(
        String id,
        List<HistoryEntry> history,
        String lastIntent,
        String lastSku,
        Integer lastQuantity,
        String pending,
        List<OpenHold> holds,
        Map<String, Integer> holdKeys,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PENDING_CHECKOUT = "checkout";
    public static final String PENDING_STORE_AVAILABILITY = "store_availability";

    public Session {
        history = history == null ? List.of() : List.copyOf(history);
        holds = holds == null ? List.of() : List.copyOf(holds);
        holdKeys = holdKeys == null ? Map.of() : Map.copyOf(holdKeys);
    }

    public static Session start(String id, Instant now) {
        return new Session(id, List.of(), null, null, null, null, List.of(), Map.of(), now, now);
    }

    /** One message of the conversation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String role, String text, Instant at) {

        public static final String CUSTOMER = "customer";
        public static final String AGENT = "agent";
    }

    /** A hold made in this session that is neither committed nor released yet. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenHold(String holdId, String sku, int quantity, String location, Instant expiresAt,
                           String idempotencyKey) {
    }
}
