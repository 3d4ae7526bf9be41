package com.autoretail.orchestrator.planning;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.testsupport.Catalogs;
import com.autoretail.orchestrator.testsupport.OpenAiStub;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.autoretail.orchestrator.testsupport.Catalogs.EXAMPLE_REQUEST;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.EXAMPLE_PLAN;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.GOOD;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The planning service with the LLM planner against WireMock playing OpenAI ({@link LlmPlanningContext}): reading
 * answers, the repair round, the fallback to the rules. What the grounding check refuses: {@link LlmGroundingTest}.
 */
class LlmPlanningTest {


    @RegisterExtension
    static final LlmPlanningContext llm = new LlmPlanningContext();

    @Test
    void usesTheLlmsPlanWhenItIsValidUnderAnIdOfItsOwn() {
        llm.openAi.answers(GOOD);

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(llm.planning.planner()).isEqualTo(Planner.OPENAI_COMPATIBLE_LLM);
        assertThat(outcome.source()).isEqualTo("llm");
        assertThat(outcome.notes()).isEmpty();
        assertThat(outcome.plan().executionSteps()).extracting(ExecutionStep::stepId)
                .containsExactly("validate_ro_1", "validate_part_1", "reserve_part_1", "create_payment_1");
        assertThat(outcome.plan().executionSteps()).allSatisfy(step -> {
            assertThat(step.timeoutSeconds()).isEqualTo(30);
            assertThat(step.retryAttempts()).isEqualTo(2);
        });
        assertThat(outcome.plan().planId()).matches("wf_\\d{8}_\\d{6}_\\d{3}");
        JsonNode request = llm.openAi.requests().get(0);
        assertThat(request.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.path("temperature").asDouble()).isZero();
        assertThat(OpenAiStub.prompt(request))
                .startsWith("system: You are an Expert Automotive Service Workflow Planner")
                .contains("USER REQUEST: \"" + EXAMPLE_REQUEST + "\"")
                .contains("\"signature\":\"reserve_parts(part_numbers: array<string>, repair_order_id: string, "
                        + "quantity_map?: object)\",\"changes_state\":true")
                .contains("Payment operations require ROnumber as invoice number")
                .contains("${steps.<step_id>.result.<field>}");
    }

    @Test
    void readsAPlanInsideMarkdownFences() {
        llm.openAi.answers("```json\n" + GOOD + "\n```");

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(outcome.source()).isEqualTo("llm");
        assertThat(llm.openAi.requests()).hasSize(1);
    }

    @Test
    void readsAPlanWithProseAroundItWithoutAskingAgain() {
        // Spring AI's default bean converter throws on prose before the JSON; the planner's converter reads past it.
        llm.openAi.answers("Sure! Here is the plan {as requested}:\n" + GOOD + "\nLet me know if you need changes.");

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(outcome.source()).isEqualTo("llm");
        assertThat(llm.openAi.requests()).hasSize(1);
    }

    @Test
    void readsABarePlanWithoutTheWorkflowPlanWrapper() {
        String bare = GOOD.substring(GOOD.indexOf(':') + 1, GOOD.lastIndexOf('}'));
        llm.openAi.answers(bare);

        assertThat(llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all()).source()).isEqualTo("llm");
    }

    @Test
    void asksAgainWithTheReasonWhenTheAnswerIsNotJson() {
        llm.openAi.answers("I am sorry, I cannot plan that.");
        llm.openAi.answersWhenAskedWith("was rejected", GOOD);

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(outcome.source()).isEqualTo("llm");
        List<JsonNode> requests = llm.openAi.requests();
        assertThat(requests).hasSize(2);
        assertThat(OpenAiStub.prompt(requests.get(1)))
                .contains("assistant: I am sorry, I cannot plan that.")
                .contains("- the answer is not a JSON workflow plan: the answer holds no JSON object");
        assertThat(outcome.notes()).singleElement().asString().startsWith("llm attempt 1: the answer is not a JSON");
    }

    @Test
    void asksAgainWithTheValidationErrorsOfAnUnknownOperation() {
        llm.openAi.answers(EXAMPLE_PLAN.formatted("order_parts", "", ""));
        llm.openAi.answersWhenAskedWith("was rejected", GOOD);

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(outcome.source()).isEqualTo("llm");
        assertThat(outcome.plan().executionSteps().get(2).operation()).isEqualTo("reserve_parts");
        String repair = OpenAiStub.prompt(llm.openAi.requests().get(1));
        assertThat(repair).contains("- step reserve_part_1: operation: 'order_parts' is not an operation of parts");
        assertThat(outcome.notes()).singleElement().asString()
                .startsWith("llm attempt 1: step reserve_part_1: operation: 'order_parts'");
    }

    @Test
    void fallsBackToTheRulesWhenTheRepairedPlanStillHasACycle() {
        String cyclic = EXAMPLE_PLAN.formatted("reserve_parts", ", \"create_payment_1\"", ", \"reserve_part_1\"");
        llm.openAi.answers(cyclic);

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(outcome.source()).isEqualTo("fallback");
        assertThat(llm.openAi.requests()).hasSize(2);
        assertThat(OpenAiStub.prompt(llm.openAi.requests().get(1))).contains("dependencies: form a cycle");
        assertThat(outcome.notes()).hasSize(2).allSatisfy(note -> assertThat(note).contains("form a cycle"));
        assertThat(outcome.plan().executionSteps()).extracting(ExecutionStep::stepId)
                .containsExactly("validate_ro_1", "validate_part_1", "reserve_part_1", "create_payment_1");
    }

    @Test
    void fallsBackToTheRulesWithoutAskingAgainWhenTheLlmAnswers429() {
        llm.openAi.fails(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}"));
        double before = timer("fallback", "success");

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat(outcome.source()).isEqualTo("fallback");
        assertThat(llm.openAi.requests()).hasSize(1);
        assertThat(outcome.notes()).singleElement().asString().startsWith("llm attempt 1: the LLM call failed")
                .contains("429").as("the provider's text stays in the log").doesNotContain("Rate limit reached");
        assertThat(timer("fallback", "success")).isEqualTo(before + 1);
    }

    @Test
    void fallsBackToTheRulesWhenTheLlmTimesOut() {
        llm.openAi.fails(aResponse().withFixedDelay(6000).withStatus(200));
        long start = System.nanoTime();

        PlanOutcome outcome = llm.planning.plan(EXAMPLE_REQUEST, Catalogs.all());

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        assertThat(outcome.source()).isEqualTo("fallback");
        assertThat(outcome.notes()).containsExactly("llm attempt 1: the LLM did not answer within 3000 ms");
    }

    @Test
    void leavesTheOperationsOfAnUnhealthyServiceOutOfThePrompt() {
        llm.openAi.answers("not a plan");

        PlanOutcome outcome = llm.planning.plan("Add part 1234 to RO 1234", Catalogs.without("payment"));

        String prompt = OpenAiStub.prompt(llm.openAi.requests().get(0));
        assertThat(prompt).contains("\"service_name\": \"parts\"").contains("get_repair_order_details(")
                .doesNotContain("\"service_name\": \"payment\"").doesNotContain("create_payment_link")
                .doesNotContain("process_refund");
        assertThat(outcome.source()).isEqualTo("fallback");
    }

    @Test
    void refusesWithEveryErrorWhenNeitherTheLlmNorTheRulesCanPlan() {
        llm.openAi.answers("{\"workflow_plan\": {\"execution_steps\": []}}");
        double before = timer("fallback", "failure");

        NoValidPlanException refused = catchThrowableOfType(NoValidPlanException.class,
                () -> llm.planning.plan("Make it nice", Catalogs.all()));

        assertThat(refused.errors()).containsExactly(
                "llm attempt 1: execution_steps: a plan needs at least one step",
                "llm attempt 2: execution_steps: a plan needs at least one step",
                refused.errors().get(2));
        assertThat(refused.errors().get(2)).startsWith("no known action in the request");
        assertThat(timer("fallback", "failure")).isEqualTo(before + 1);
    }

    private static double timer(String source, String outcome) {
        var timer = llm.meters.find(PlanningService.TIMER).tag("source", source).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
