package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Locale;

/** The body of {@code GET /status/{task_id}}: where an async task stands, and its response once done. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskStatus(String taskId, State status, AgentServiceResponse response) {

    /** The stages of an async task. */
    public enum State {
        PENDING, RUNNING, COMPLETED, FAILED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }
}
