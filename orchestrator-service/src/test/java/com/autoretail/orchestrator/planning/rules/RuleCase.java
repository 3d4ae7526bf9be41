package com.autoretail.orchestrator.planning.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code planning/rule-cases.json} or {@code planning/rule-cases-advisors.json}: a request and what its
 * rule plan must hold.
 *
 * @param operations   {@code service.operation} of every step, in step order
 * @param parameters   {@code step_id.parameter} → expected value (numbers compared by value)
 * @param dependencies step id → its exact dependencies
 * @param risk         the expected risk level, when the row cares
 * @param summary      the expected validation summary, when the row cares
 */
record RuleCase(String request, List<String> operations, Map<String, JsonNode> parameters,
                Map<String, List<String>> dependencies, String risk, List<String> summary) {

    RuleCase {
        parameters = parameters == null ? Map.of() : parameters;
        dependencies = dependencies == null ? Map.of() : dependencies;
    }

    /**
     * The rows of both tables: {@code rule-cases.json} (the requests the planner was first written for) and
     * {@code rule-cases-advisors.json} (written the way service advisors type: shorthand, lower case, ids in every
     * format, paraphrases, what happened instead of the status's name, several intents in one message).
     */
    static List<RuleCase> all() {
        List<RuleCase> all = new ArrayList<>(read("/planning/rule-cases.json"));
        all.addAll(read("/planning/rule-cases-advisors.json"));
        return all;
    }

    private static List<RuleCase> read(String resource) {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try (InputStream json = RuleCase.class.getResourceAsStream(resource)) {
            return mapper.readValue(json, new TypeReference<List<RuleCase>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return request;
    }
}
