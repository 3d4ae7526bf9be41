package com.autoretail.bench;

import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.planning.corpus.BuiltInPlanning;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * 4. The rule planner in-process: {@link PlanningService} as the orchestrator builds it without an LLM (the rule
 * planner, then the validator against the agents' JSON schemas), each call planning the next request of the
 * planner tests' corpus ({@code planning/rule-cases.json}) against their capabilities fixture.
 */
@State(Scope.Thread)
public class PlannerBenchmark {

    /** The folder of {@code rule-cases.json} and {@code capabilities.json}. */
    @Param("orchestrator-service/src/test/resources/planning")
    public String corpus;

    private PlanningService planning;
    private ServiceCatalog catalog;
    private List<String> requests;
    private int next;

    @Setup
    public void load() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        catalog = BuiltInPlanning.catalog(Path.of(corpus));
        requests = new ArrayList<>();
        for (JsonNode row : mapper.readTree(new File(corpus, "rule-cases.json"))) {
            requests.add(row.path("request").asText());
        }
        planning = BuiltInPlanning.service();
        for (String request : requests) {
            planning.plan(request, catalog);   // every request of the corpus plans, or the benchmark stops here
        }
    }

    /** How many requests the corpus has. */
    public static int corpusSize(String corpus) throws IOException {
        return new ObjectMapper().readTree(new File(corpus, "rule-cases.json")).size();
    }

    @Benchmark
    public PlanOutcome plan() {
        String request = requests.get(next);
        next = (next + 1) % requests.size();
        return planning.plan(request, catalog);
    }
}
