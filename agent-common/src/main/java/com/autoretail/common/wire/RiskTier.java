package com.autoretail.common.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How much harm an operation can do, as published in {@code /capabilities}: {@code read_only} changes nothing,
 * {@code reversible} changes state that its declared compensation undoes, {@code irreversible} changes state that
 * nothing undoes (no compensation, or a tool its MCP server marks destructive). The tiers are ordered: a policy that
 * asks for approval "from {@code reversible}" asks it for both tiers that change state.
 */
public enum RiskTier {
    READ_ONLY, REVERSIBLE, IRREVERSIBLE;

    /** The tier of an operation from what its agent declares: its side effects and its compensation. */
    public static RiskTier of(boolean sideEffects, String compensation) {
        if (!sideEffects) {
            return READ_ONLY;
        }
        return compensation == null || compensation.isBlank() ? IRREVERSIBLE : REVERSIBLE;
    }

    /** Whether this tier is at least {@code other}: {@code irreversible} is at least {@code reversible}. */
    public boolean atLeast(RiskTier other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RiskTier fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
