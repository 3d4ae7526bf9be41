package com.autoretail.orchestrator.validation;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.planning.rules.RulePlanner;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.testsupport.Catalogs;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.autoretail.orchestrator.testsupport.Catalogs.EXAMPLE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

class PlanValidatorTest {

    private final PlanValidator validator = new PlanValidator(20, new StepDefaults(30, 2), Clock.systemUTC());

    private final ServiceCatalog catalog = Catalogs.all();

    @Test
    void passesAValidPlan() {
        assertThat(validator.validate(examplePlan(), catalog)).isEmpty();
    }

    @Test
    void refusesAnUnknownServiceAndAnUnknownOperation() {
        WorkflowPlan plan = plan(
                step("a", "billing", "create_invoice", Map.of()),
                step("b", "parts", "order_parts", Map.of("part_number", "1234")));

        assertThat(validator.validate(plan, catalog)).containsExactly(
                "step a: service_name: 'billing' is not an available service (available: inventory, parts, payment, "
                        + "repair_orders, sales)",
                "step b: operation: 'order_parts' is not an operation of parts (operations: check_part_availability, "
                        + "check_vehicle_compatibility, get_alternative_parts, get_part_details, release_reservation, "
                        + "reserve_parts, search_parts, validate_part_number)");
    }

    @Test
    void refusesAServiceThatIsDown() {
        assertThat(validator.validate(examplePlan(), Catalogs.without("payment")))
                .singleElement().asString().startsWith("step create_payment_1: service_name: 'payment' is not an available service");
    }

    @Test
    void namesTheStepAndFieldOfEverySchemaFailure() {
        WorkflowPlan plan = plan(
                step("reserve_part_1", "parts", "reserve_parts", Map.of("repair_order_id", "1234")),
                step("create_payment_1", "payment", "create_payment_link", Map.of("repair_order_id", "1234",
                        "amount", "a hundred", "customer_email", "not-an-email")));

        assertThat(validator.validate(plan, catalog)).containsExactlyInAnyOrder(
                "step reserve_part_1: parameters.part_numbers: is missing but it is required",
                "step create_payment_1: parameters.amount: string found, number expected",
                "step create_payment_1: parameters.customer_email: does not match the email pattern must be a valid "
                        + "RFC 5321 Mailbox");
    }

    @Test
    void refusesParameterNamesTheOperationDoesNotHave() {
        WorkflowPlan plan = plan(step("validate_ro_1", "repair_orders", "get_repair_order_details",
                Map.of("repair_order_id", "1234", "ro_number", "1234")));

        assertThat(validator.validate(plan, catalog)).containsExactly("step validate_ro_1: parameters.ro_number: is "
                + "not a parameter of repair_orders.get_repair_order_details (parameters: repair_order_id)");
    }

    @Test
    void refusesDuplicateStepIds() {
        WorkflowPlan plan = plan(details("validate_ro_1", "1234"), details("validate_ro_1", "1001"));

        assertThat(validator.validate(plan, catalog))
                .containsExactly("step validate_ro_1: step_id: is used by more than one step");
    }

    @Test
    void refusesADependencyOnAStepThatIsNotInThePlan() {
        WorkflowPlan plan = plan(details("validate_ro_1", "1234").withDependencies("validate_part_9"));

        assertThat(validator.validate(plan, catalog))
                .containsExactly("step validate_ro_1: dependencies: 'validate_part_9' is not a step of this plan");
    }

    @Test
    void refusesACycle() {
        WorkflowPlan plan = plan(details("a", "1001").withDependencies("c"), details("b", "1002").withDependencies("a"),
                details("c", "1003").withDependencies("b"));

        assertThat(validator.validate(plan, catalog))
                .containsExactly("step a: dependencies: form a cycle a -> c -> b -> a");
    }

    @Test
    void refusesAStepThatDependsOnItself() {
        assertThat(validator.validate(plan(details("a", "1001").withDependencies("a")), catalog))
                .containsExactly("step a: dependencies: a step cannot depend on itself");
    }

    @Test
    void refusesAReferenceToAStepThatIsNotADependency() {
        WorkflowPlan plan = plan(
                step("create_ro_1", "repair_orders", "create_repair_order", Map.of("customer_id", "CUST008",
                        "vehicle_id", "VEH001", "service_description", "brakes")),
                step("add_note_1", "repair_orders", "add_repair_notes", Map.of(
                        "repair_order_id", "${steps.create_ro_1.result.repair_order_id}", "note", "created")),
                step("assign_1", "repair_orders", "assign_technician", Map.of(
                        "repair_order_id", "${steps.create_ro_9.result.repair_order_id}", "technician_id", "TECH001")),
                step("notify_1", "payment", "send_payment_notification", Map.of(
                        "payment_id", "${steps.create_ro_1.payment_id}", "channel", "email")));

        assertThat(validator.validate(plan, catalog)).containsExactly(
                "step add_note_1: parameters.repair_order_id: references step 'create_ro_1', which is not among its "
                        + "dependencies (direct or transitive)",
                "step assign_1: parameters.repair_order_id: references step 'create_ro_9', which is not in the plan",
                "step notify_1: parameters.payment_id: '${steps.create_ro_1.payment_id}' is not a valid reference "
                        + "(expected ${steps.<step_id>.result.<field>})");
    }

    @Test
    void refusesStepIdsThatCannotBeJoinedIntoKeysOrLogsWithoutEchoingThem() {
        WorkflowPlan plan = plan(details("a:b", "1001"), details("forged\nINFO admin logged in", "1002"),
                details("x".repeat(65), "1003"), details("ok_1", "1004").withDependencies("bad\nid"));

        assertThat(validator.validate(plan, catalog)).containsExactly(
                "step #1: step_id: must be 1 to 64 letters, digits, '_' or '-'",
                "step #2: step_id: must be 1 to 64 letters, digits, '_' or '-'",
                "step #3: step_id: must be 1 to 64 letters, digits, '_' or '-'",
                "step ok_1: dependencies: holds an invalid step id");
    }

    @Test
    void refusesAPlanIdWithALineBreakOrPastItsLengthWithoutEchoingIt() {
        WorkflowPlan valid = plan(details("get_1", "1001"));
        for (String planId : List.of("wf_1\r\n2026-01-01 INFO approved", "wf\u0000x", "p".repeat(101))) {
            WorkflowPlan plan = new WorkflowPlan(planId, "low", 30, valid.executionSteps(), List.of(), Map.of());

            assertThat(validator.validate(plan, catalog))
                    .containsExactly("plan_id: must be at most 100 characters, without control characters");
        }
        assertThat(validator.validate(new WorkflowPlan("Plan for RO 1001: details", "low", 30,
                valid.executionSteps(), List.of(), Map.of()), catalog)).isEmpty();
    }

    @Test
    void refusesAReferenceWithAnIndexPastAnyList() {
        WorkflowPlan plan = plan(details("a", "1001"), step("b", "repair_orders", "get_repair_order_details",
                Map.of("repair_order_id", "${steps.a.result[99999999999]}")).withDependencies("a"));

        assertThat(validator.validate(plan, catalog)).containsExactly("step b: parameters.repair_order_id: "
                + "'${steps.a.result[99999999999]}' is not a valid reference "
                + "(expected ${steps.<step_id>.result.<field>})");
    }

    @Test
    void passesReferencesToTransitiveDependenciesWhateverTypeTheSchemaAsks() {
        WorkflowPlan plan = plan(
                step("payments_1", "payment", "check_payment_status", Map.of("repair_order_id", "1234")),
                details("validate_ro_1", "1234").withDependencies("payments_1"),
                step("create_payment_1", "payment", "create_payment_link", Map.of(
                        "repair_order_id", "1234",
                        "amount", "${steps.payments_1.result.payments[0].amount}",
                        "customer_email", "${steps.validate_ro_1.result.customer.email}"))
                        .withDependencies("validate_ro_1"));

        assertThat(validator.validate(plan, catalog)).isEmpty();
    }

    @Test
    void refusesTimeoutsAndRetriesOutOfBounds() {
        WorkflowPlan plan = plan(details("a", "1001").with(0, -1), details("b", "1002").with(301, 6),
                details("c", "1003").with(300, 5), details("d", "1004").with(1, 0));

        assertThat(validator.validate(plan, catalog)).containsExactly(
                "step a: timeout_seconds: must be between 1 and 300, was 0",
                "step a: retry_attempts: must be between 0 and 5, was -1",
                "step b: timeout_seconds: must be between 1 and 300, was 301",
                "step b: retry_attempts: must be between 0 and 5, was 6");
    }

    @Test
    void refusesMoreStepsThanTheConfiguredLimit() {
        PlanValidator capped = new PlanValidator(3, new StepDefaults(30, 2), Clock.systemUTC());
        WorkflowPlan plan = plan(IntStream.rangeClosed(1, 4).mapToObj(i -> details("s" + i, "100" + i))
                .toArray(Step[]::new));

        assertThat(capped.validate(plan, catalog)).containsExactly("execution_steps: 4 steps exceed the limit of 3");
    }

    @Test
    void refusesAPlanWithoutSteps() {
        assertThat(validator.validate(plan(), catalog)).containsExactly("execution_steps: a plan needs at least one step");
        assertThat(validator.validate(null, catalog)).containsExactly("workflow_plan: is missing");
    }

    @Test
    void refusesAnUnknownRiskLevel() {
        WorkflowPlan plan = new WorkflowPlan("wf_1", "moderate", 30, List.of(details("a", "1001").build()), null, null);

        assertThat(validator.validate(plan, catalog)).containsExactly("risk_level: must be low, medium or high, was 'moderate'");
    }

    @Test
    void fillsDefaultsInANormalizedCopy() {
        ExecutionStep bare = new ExecutionStep("validate_ro_1", null, "repair_orders", "get_repair_order_details",
                Map.of("repair_order_id", "1234"), null, null, null, null, null, null);

        WorkflowPlan normalized = validator.normalize(new WorkflowPlan(null, null, null, List.of(bare), null, null));

        ExecutionStep step = normalized.executionSteps().get(0);
        assertThat(step.failureHandling()).isEqualTo(FailureHandling.RETRY);
        assertThat(step.timeoutSeconds()).isEqualTo(30);
        assertThat(step.retryAttempts()).isEqualTo(2);
        assertThat(step.stepOrder()).isEqualTo(1);
        assertThat(normalized.planId()).matches("wf_\\d{8}_\\d{6}_\\d{3}");
        assertThat(validator.validate(new WorkflowPlan(null, null, null, List.of(bare), null, null), catalog)).isEmpty();
    }

    private static WorkflowPlan examplePlan() {
        return new RulePlanner(new StepDefaults(30, 2), Clock.systemUTC()).plan(EXAMPLE_REQUEST, Catalogs.all());
    }

    private static Step details(String id, String repairOrder) {
        return step(id, "repair_orders", "get_repair_order_details", Map.of("repair_order_id", repairOrder));
    }

    private static Step step(String id, String service, String operation, Map<String, Object> parameters) {
        return new Step(id, service, operation, parameters, List.of(), 30, 2);
    }

    private static WorkflowPlan plan(Step... steps) {
        List<ExecutionStep> built = new ArrayList<>();
        Arrays.stream(steps).forEach(step -> built.add(step.build()));
        return new WorkflowPlan("wf_test", "medium", 30, built, List.of(), Map.of());
    }

    /** A step under construction, for plans written in the tests. */
    private record Step(String id, String service, String operation, Map<String, Object> parameters,
                        List<String> dependencies, Integer timeout, Integer retries) {

        Step withDependencies(String... ids) {
            return new Step(id, service, operation, parameters, List.of(ids), timeout, retries);
        }

        Step with(int timeoutSeconds, int retryAttempts) {
            return new Step(id, service, operation, parameters, dependencies, timeoutSeconds, retryAttempts);
        }

        ExecutionStep build() {
            return new ExecutionStep(id, null, service, operation, parameters, List.of(), dependencies, null,
                    dependencies.isEmpty() ? FailureHandling.ABORT : FailureHandling.RETRY, timeout, retries);
        }
    }
}
