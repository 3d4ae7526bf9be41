package com.autoretail.sales.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The agent's answer to one message, the body of {@code POST /api/message} and the result of
 * {@code handle_message}.
 *
 * @param response text for the customer
 * @param intent   {@code inventory|order|checkout|cancel|greeting|help|unknown}
 * @param data     what the answer is made of (stock levels, the hold, what was committed), snake_case keys
 * @param holdId   the hold this message made or acted on last, null when none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageReply(String sessionId, String response, String intent, Map<String, Object> data,
                           String holdId) {
}
