package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an operation is carried out: one MCP tool, in the agent itself, several MCP calls, or a skill of an A2A agent
 * that the orchestrator discovered by its Agent Card.
 */
public enum OperationSource {
    MCP, LOCAL, COMPOSITE, A2A;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OperationSource fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
