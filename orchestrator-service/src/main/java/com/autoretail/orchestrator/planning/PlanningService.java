package com.autoretail.orchestrator.planning;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.plan.PlanIds;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.llm.LlmPlanner;
import com.autoretail.orchestrator.planning.rules.RulePlanner;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.usage.TokenPrices;
import com.autoretail.orchestrator.usage.UsageTally;
import com.autoretail.orchestrator.validation.GroundingCheck;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.autoretail.orchestrator.validation.ValidatedPlan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way to a plan: the LLM when one is configured, its plan validated and grounded ({@link GroundingCheck}:
 * every step that changes state uses only what the request gives) and, when it is not JSON, not valid or not
 * grounded, sent back once with the reasons; the rule planner when there is no LLM, or as the fallback when the LLM
 * fails, times out or keeps producing invalid or ungrounded plans. The rule planner's plans are not grounded: they
 * are read from the request's own words. Only a plan that passed {@link PlanValidator} is ever returned, as a
 * {@link ValidatedPlan}.
 * Records the timer {@code orchestrator.planning}, tagged {@code source} and {@code outcome}.
 */
public class PlanningService {

    private static final Logger log = LoggerFactory.getLogger(PlanningService.class);

    static final String TIMER = "orchestrator.planning";

    /** The span of a planning, from the request to a validated plan. */
    public static final String OBSERVATION = "workflow.planning";

    /** The span of the rule planner, under the planning's. */
    public static final String RULES_OBSERVATION = "workflow.planning.rules";

    private final RulePlanner rules;

    private final LlmPlanner llm;

    private final PlanValidator validator;

    private final GroundingCheck grounding = new GroundingCheck();

    private final int repairAttempts;

    private final MeterRegistry meters;

    private final Clock clock;

    private final ObservationRegistry observations;

    private final TokenPrices prices;

    /** A planning service that is not observed and prices no tokens. */
    public PlanningService(RulePlanner rules, LlmPlanner llm, PlanValidator validator, int repairAttempts,
                           MeterRegistry meters, Clock clock) {
        this(rules, llm, validator, repairAttempts, meters, clock, ObservationRegistry.NOOP, TokenPrices.free());
    }

    /**
     * @param llm            the LLM planner, or null when no LLM is configured
     * @param repairAttempts how many times an LLM plan that fails parsing or validation is sent back with its errors
     * @param observations   planning is a span ({@value #OBSERVATION}), the rule planner one under it
     *                       ({@value #RULES_OBSERVATION}); the LLM calls are Spring AI's own spans under it
     * @param prices         what the LLM's tokens cost
     */
    public PlanningService(RulePlanner rules, LlmPlanner llm, PlanValidator validator, int repairAttempts,
                           MeterRegistry meters, Clock clock, ObservationRegistry observations, TokenPrices prices) {
        this.observations = observations;
        this.prices = prices;
        this.rules = rules;
        this.llm = llm;
        this.validator = validator;
        this.repairAttempts = repairAttempts;
        this.meters = meters;
        this.clock = clock;
    }

    /** Where plans come from: an LLM (with the rule planner as fallback), or the rule planner only. */
    public Planner planner() {
        return llm == null ? Planner.RULES : Planner.OPENAI_COMPATIBLE_LLM;
    }

    /** {@link #plan(String, Map, ServiceCatalog)} of a request without context. */
    public PlanOutcome plan(String userRequest, ServiceCatalog catalog) {
        return plan(userRequest, Map.of(), catalog);
    }

    /**
     * A validated, normalized plan for the request, using only the catalog's services (the healthy ones).
     *
     * @param context the request's context: its values count as given by the request in the grounding check
     * @throws NoValidPlanException with every error seen, when no valid plan can be made
     */
    public PlanOutcome plan(String userRequest, Map<String, ?> context, ServiceCatalog catalog) {
        Observation observation = Observation.createNotStarted(OBSERVATION, observations).contextualName("plan")
                .lowCardinalityKeyValue("planner", planner().wireName());
        return observation.observe(() -> {
            PlanOutcome outcome = planObserved(userRequest, context, catalog);
            observation.lowCardinalityKeyValue("source", outcome.source());
            observation.highCardinalityKeyValue("plan_id", outcome.plan().planId());
            observation.highCardinalityKeyValue("steps", String.valueOf(outcome.plan().executionSteps().size()));
            return outcome;
        });
    }

    private PlanOutcome planObserved(String userRequest, Map<String, ?> context, ServiceCatalog catalog) {
        Timer.Sample sample = Timer.start(meters);
        UsageTally usage = new UsageTally();
        String source = llm == null ? PlanOutcome.RULES : PlanOutcome.LLM;
        String outcome = "failure";
        List<String> notes = new ArrayList<>();
        try {
            if (llm != null) {
                ValidatedPlan fromLlm = planWithLlm(userRequest, context, catalog, notes, usage);
                if (fromLlm != null) {
                    outcome = "success";
                    return new PlanOutcome(fromLlm, PlanOutcome.LLM, notes, usage.total(prices));
                }
                source = PlanOutcome.FALLBACK;
            }
            ValidatedPlan fromRules = Observation.createNotStarted(RULES_OBSERVATION, observations)
                    .contextualName("rule planner")
                    .observe(() -> planWithRules(userRequest, catalog, notes));
            PlanOutcome planned = new PlanOutcome(fromRules, source, notes, usage.total(prices));
            outcome = "success";
            return planned;
        } finally {
            sample.stop(Timer.builder(TIMER).description("Time to a validated plan")
                    .tag("source", source).tag("outcome", outcome).register(meters));
        }
    }

    /** The LLM's valid plan, or null (with the reasons in {@code notes}) when the rule planner has to take over. */
    private ValidatedPlan planWithLlm(String request, Map<String, ?> context, ServiceCatalog catalog,
                                      List<String> notes, UsageTally usage) {
        LlmPlanner.Answer answer = llm.plan(request, catalog, usage);
        for (int attempt = 1; ; attempt++) {
            List<String> problems;
            String rejected;
            switch (answer) {
                case LlmPlanner.Failed failed -> {
                    notes.add("llm attempt " + attempt + ": " + failed.problem());
                    return null;
                }
                case LlmPlanner.Unreadable unreadable -> {
                    problems = List.of("the answer is not a JSON workflow plan: " + unreadable.problem());
                    rejected = unreadable.answer();
                }
                case LlmPlanner.Planned planned -> {
                    WorkflowPlan candidate = validator.normalize(planned.plan());
                    problems = new ArrayList<>(validator.validate(candidate, catalog));
                    problems.addAll(grounding.problems(candidate, request, context, catalog));
                    if (problems.isEmpty()) {
                        return validator.check(ownId(candidate, catalog), catalog);
                    }
                    rejected = planned.answer();
                }
            }
            for (String problem : problems) {
                notes.add("llm attempt " + attempt + ": " + problem);
            }
            if (attempt > repairAttempts) {
                log.info("LLM plan rejected {} time(s), the rule planner takes over: {}", attempt, problems);
                return null;
            }
            answer = llm.repair(request, catalog, rejected, problems, usage);
        }
    }

    private ValidatedPlan planWithRules(String request, ServiceCatalog catalog, List<String> notes) {
        try {
            WorkflowPlan plan = rules.plan(request, catalog);
            try {
                return validator.check(plan, catalog);
            } catch (NoValidPlanException invalid) {
                throw new NoValidPlanException("The rule planner's plan is not valid against the agents' schemas",
                        invalid.errors());
            }
        } catch (NoValidPlanException e) {
            if (notes.isEmpty()) {
                throw e;
            }
            List<String> all = new ArrayList<>(notes);
            all.addAll(e.errors());
            throw new NoValidPlanException("No valid plan: the LLM's plans were rejected or it failed ("
                    + notes.size() + " problem(s)), and the rule planner could not plan either. "
                    + e.getMessage(), all, e.understood(), e.capabilities());
        }
    }

    /**
     * The plan under an id of this orchestrator and with a risk level: an LLM repeats ids like "unique_plan_id",
     * and the plan id is part of every step's idempotency key, so a repeated one would replay another workflow.
     */
    private WorkflowPlan ownId(WorkflowPlan plan, ServiceCatalog catalog) {
        String risk = plan.riskLevel() != null ? plan.riskLevel()
                : plan.executionSteps().stream().anyMatch(step -> changesState(step, catalog)) ? "medium" : "low";
        return new WorkflowPlan(PlanIds.next(clock), risk, plan.estimatedDurationSeconds(), plan.executionSteps(),
                plan.validationSummary(), plan.serviceDependencies());
    }

    private static boolean changesState(ExecutionStep step, ServiceCatalog catalog) {
        return step != null && step.serviceName() != null && step.operation() != null
                && catalog.operation(step.serviceName(), step.operation()).map(op -> op.sideEffects()).orElse(false);
    }
}
