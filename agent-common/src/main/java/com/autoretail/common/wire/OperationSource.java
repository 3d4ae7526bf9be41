package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an operation is carried out: one MCP tool, in the agent itself, or several MCP calls. */
public enum OperationSource {
    MCP, LOCAL, COMPOSITE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OperationSource fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
