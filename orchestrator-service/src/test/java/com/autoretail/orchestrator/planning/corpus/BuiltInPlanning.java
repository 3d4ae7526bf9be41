package com.autoretail.orchestrator.planning.corpus;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.planning.rules.RulePlanner;
import com.autoretail.orchestrator.planning.semantic.IntentMatcher;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * The planner as the orchestrator runs it without an LLM, in one place for the corpus test, the accuracy benchmark
 * and the JMH benchmark: {@link PlanningService} with the rule planner, asking the matcher by meaning where its rules
 * find nothing, and the validator, on the orchestrator's defaults (20 steps at most, steps of 30 s with 2 retries,
 * one repair round, a matcher threshold of 0.5).
 */
public final class BuiltInPlanning {

    public static final String CAPABILITIES_FILE = "capabilities.json";

    private static final int MAX_STEPS = 20;
    private static final int STEP_TIMEOUT_SECONDS = 30;
    private static final int STEP_RETRIES = 2;
    private static final int REPAIR_ATTEMPTS = 1;
    private static final double THRESHOLD = 0.5;

    /** The matcher by meaning, loaded once per JVM (its model takes a second or two). */
    private static final IntentMatcher MATCHER = IntentMatcher.miniLm(THRESHOLD);

    private BuiltInPlanning() {
    }

    public static PlanningService service() {
        StepDefaults defaults = new StepDefaults(STEP_TIMEOUT_SECONDS, STEP_RETRIES);
        Clock clock = Clock.systemUTC();
        return new PlanningService(new RulePlanner(defaults, clock, MATCHER.meaning()), null,
                new PlanValidator(MAX_STEPS, defaults, clock), REPAIR_ATTEMPTS, new SimpleMeterRegistry(), clock);
    }

    /** The five agents' capabilities ({@code <planning>/capabilities.json}, what their /capabilities answer). */
    public static ServiceCatalog catalog(Path planning) {
        try {
            return new ServiceCatalog(new ObjectMapper().readValue(planning.resolve(CAPABILITIES_FILE).toFile(),
                    new TypeReference<LinkedHashMap<String, Capabilities>>() {
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
