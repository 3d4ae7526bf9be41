package com.autoretail.orchestrator.planning.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One labelled request: what a correct plan for it asks the agents to do.
 *
 * @param request the request as a service advisor or customer would type it
 * @param expect  the operations the request asks for (a multiset), each with the key parameter values a correct plan
 *                carries; empty when the right answer is no plan at all (small talk, out of scope, a wish the fleet
 *                has no operation for, a request that lacks what its action needs)
 * @param tags    what the case exercises (e.g. {@code id-format}, {@code paraphrase}, {@code no-plan}), for reports
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorpusCase(String request, List<Expected> expect, List<String> tags) {

    public CorpusCase {
        expect = expect == null ? List.of() : List.copyOf(expect);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The right answer is to plan nothing. */
    public boolean noPlan() {
        return expect.isEmpty();
    }

    /**
     * One operation the request asks for.
     *
     * @param op     {@code service.operation}
     * @param params parameter name → the value a correct plan carries (see {@link CorpusScorer} for how values
     *               compare); parameters not named here are not scored
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expected(String op, Map<String, JsonNode> params) {

        public Expected {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }
}
