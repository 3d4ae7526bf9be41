package com.autoretail.orchestrator.planning;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where this orchestrator's plans come from, as {@code GET /health} reports it ({@code planner}). The wire names are
 * the contract's: {@code openai} stands for any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio).
 */
public enum Planner {
    /** An LLM behind an OpenAI-compatible API, the rule planner as its fallback. */
    OPENAI_COMPATIBLE_LLM("openai"),
    /** The built-in rule planner only. */
    RULES("rules");

    private final String wireName;

    Planner(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
