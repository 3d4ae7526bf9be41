package com.autoretail.orchestrator.planning.llm;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlanOutputConverterTest {

    private static final String PLAN = """
            {"execution_steps": [{"step_id": "details_1", "service_name": "repair_orders",
              "operation": "get_repair_order_details", "parameters": {"repair_order_id": "RO-1040"},
              "failure_handling": "ABORT", "timeout_seconds": 10,}]}""";

    private final PlanOutputConverter converter = new PlanOutputConverter();

    @Test
    void readsABarePlanAfterAReasoningModelsThinkingIntoThePlanRecords() {
        String answer = "<think>The user wants RO 1040 {details}.</think>\nHere you go:\n" + PLAN;

        PlanOutputConverter.PlanEnvelope read = converter.convert(answer);

        ExecutionStep step = read.workflowPlan().executionSteps().get(0);
        assertThat(step.parameters()).containsEntry("repair_order_id", "RO-1040");
        assertThat(step.failureHandling()).isEqualTo(FailureHandling.ABORT);
        assertThat(step.timeoutSeconds()).isEqualTo(10);
        assertThat(read.answer()).isEqualTo(answer);
    }

    @Test
    void refusesAPlanOfTheWrongShapeKeepingTheAnswerForTheRepairPrompt() {
        String answer = "{\"workflow_plan\": {\"execution_steps\": [{\"step_id\": \"s\", "
                + "\"timeout_seconds\": \"soon\"}]}}";

        PlanOutputConverter.Unreadable refused = catchThrowableOfType(PlanOutputConverter.Unreadable.class,
                () -> converter.convert(answer));

        assertThat(refused.getMessage()).startsWith("the plan does not fit the workflow plan shape: ")
                .contains("soon");
        assertThat(refused.answer()).isEqualTo(answer);
    }

    @Test
    void refusesAnAnswerWithoutAPlan() {
        PlanOutputConverter.Unreadable refused = catchThrowableOfType(PlanOutputConverter.Unreadable.class,
                () -> converter.convert("{\"note\": \"I would rather not\"}"));

        assertThat(refused.getMessage())
                .isEqualTo("the answer holds no JSON object with workflow_plan or execution_steps");
        assertThat(refused.answer()).isEqualTo("{\"note\": \"I would rather not\"}");
    }
}
