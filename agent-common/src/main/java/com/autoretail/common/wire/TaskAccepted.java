package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code 202} body of {@code POST /execute-async}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskAccepted(String taskId, String requestId, String status, String statusUrl) {

    public static TaskAccepted of(String taskId, String requestId) {
        return new TaskAccepted(taskId, requestId, "accepted", "/status/" + taskId);
    }
}
