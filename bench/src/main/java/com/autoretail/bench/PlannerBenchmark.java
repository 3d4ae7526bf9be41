package com.autoretail.bench;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.planning.PlanOutcome;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.planning.rules.RulePlanner;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        catalog = new ServiceCatalog(mapper.readValue(new File(corpus, "capabilities.json"),
                new TypeReference<LinkedHashMap<String, Capabilities>>() {
                }));
        requests = new ArrayList<>();
        for (JsonNode row : mapper.readTree(new File(corpus, "rule-cases.json"))) {
            requests.add(row.path("request").asText());
        }
        // the orchestrator's defaults: 20 steps at most, steps of 30 s with 2 retries, one repair round
        StepDefaults defaults = new StepDefaults(30, 2);
        Clock clock = Clock.systemUTC();
        planning = new PlanningService(new RulePlanner(defaults, clock), null, new PlanValidator(20, defaults, clock),
                1, new SimpleMeterRegistry(), clock);
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
