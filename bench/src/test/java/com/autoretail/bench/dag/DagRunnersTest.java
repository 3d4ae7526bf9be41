package com.autoretail.bench.dag;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both references run the benchmark plan's DAG as the orchestrator would: order, overlap, bodies, failures. */
class DagRunnersTest {

    private static final long DELAY_MILLIS = 150;

    /** The benchmark plan's shape: ro ∥ part, then assign (after both) and payment (after ro). */
    private static final List<DagStep> PLAN = List.of(
            new DagStep("validate_ro_1", "repair_orders", "get_repair_order_details",
                    Map.of("repair_order_id", "1234"), List.of(), 30),
            new DagStep("validate_part_1", "parts", "get_part_details", Map.of("part_number", "1234"), List.of(), 30),
            new DagStep("assign_technician_1", "repair_orders", "assign_technician",
                    Map.of("repair_order_id", "1234", "technician_id", "TECH001"),
                    List.of("validate_ro_1", "validate_part_1"), 30),
            new DagStep("create_payment_1", "payment", "create_payment_link", Map.of("amount", 100.0),
                    List.of("validate_ro_1"), 30));

    private static final Map<String, Object> CONTEXT = Map.of("tenant_id", "T1", "dealer_id", "D1");

    @Test
    void floorStartsEveryStepAfterItsDependenciesAndRunsIndependentStepsTogether() throws Exception {
        try (FakeAgents agents = new FakeAgents(DELAY_MILLIS, Set.of())) {
            assertRunsTheDag(new FloorDag(PLAN, calls(agents)), agents);
        }
    }

    @Test
    void langGraphStartsEveryStepAfterItsDependenciesAndRunsIndependentStepsTogether() throws Exception {
        try (FakeAgents agents = new FakeAgents(DELAY_MILLIS, Set.of())) {
            assertRunsTheDag(new LangGraphDag(PLAN, calls(agents)), agents);
        }
    }

    @Test
    void eachCallCarriesTheStepsIdempotencyKeyTheWorkflowAndTheOrchestratorsContext() throws Exception {
        try (FakeAgents agents = new FakeAgents(0, Set.of())) {
            new FloorDag(PLAN, new AgentCalls(agents.urls("repair_orders", "parts", "payment"), CONTEXT, "k-1"))
                    .run("wf-7");
            FakeAgents.Call assign = agents.calls().stream().filter(c -> c.stepId().equals("assign_technician_1"))
                    .findFirst().orElseThrow();
            assertThat(assign.service()).isEqualTo("repair_orders");
            assertThat(assign.body().path("request_id").asText()).isEqualTo("wf-7:assign_technician_1");
            assertThat(assign.body().path("operation").asText()).isEqualTo("assign_technician");
            assertThat(assign.body().path("parameters").path("technician_id").asText()).isEqualTo("TECH001");
            assertThat(assign.body().path("context").path("workflow_id").asText()).isEqualTo("wf-7");
            assertThat(assign.body().path("context").path("tenant_id").asText()).isEqualTo("T1");
            assertThat(assign.body().path("context").path("attempt").asInt()).isEqualTo(1);
            assertThat(assign.body().path("timeout").asInt()).isEqualTo(30);
            assertThat(agents.lastHeaders()).containsEntry("x-api-key", "k-1")
                    .containsEntry("content-type", "application/json");
        }
    }

    @Test
    void aFailedStepFailsTheWorkflowAndNothingThatDependsOnItRuns() throws Exception {
        for (boolean langGraph : new boolean[]{false, true}) {
            try (FakeAgents agents = new FakeAgents(0, Set.of("get_part_details"))) {
                AgentCalls calls = calls(agents);
                DagRunner runner = langGraph ? new LangGraphDag(PLAN, calls) : new FloorDag(PLAN, calls);
                assertThatThrownBy(() -> runner.run("wf-fail")).as(runner.name())
                        .isInstanceOf(StepFailed.class).hasMessageContaining("validate_part_1")
                        .hasMessageContaining("NOT_FOUND");
                Thread.sleep(100);   // a wrongly started dependent would have reached the server by now
                assertThat(agents.calls()).as(runner.name()).extracting(FakeAgents.Call::stepId)
                        .doesNotContain("assign_technician_1");
            }
        }
    }

    @Test
    void oneRunnerServesManyWorkflowsAtOnce() throws Exception {
        try (FakeAgents agents = new FakeAgents(20, Set.of())) {
            AgentCalls calls = calls(agents);
            for (DagRunner runner : List.of(new FloorDag(PLAN, calls), new LangGraphDag(PLAN, calls))) {
                List<Callable<DagRun>> workflows = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String id = runner.name() + "-" + i;
                    workflows.add(() -> runner.run(id));
                }
                try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (Future<DagRun> done : clients.invokeAll(workflows)) {
                        assertThat(done.get().stepNanos()).as(runner.name()).hasSize(PLAN.size());
                    }
                }
            }
            assertThat(agents.calls()).hasSize(2 * 16 * PLAN.size());
            assertThat(agents.calls()).extracting(call -> call.body().path("request_id").asText())
                    .doesNotHaveDuplicates();
        }
    }

    private static AgentCalls calls(FakeAgents agents) {
        return new AgentCalls(agents.urls("repair_orders", "parts", "payment"), CONTEXT, null);
    }

    private static void assertRunsTheDag(DagRunner runner, FakeAgents agents) throws Exception {
        runner.run("wf-warm");   // the first run loads classes and opens connections
        DagRun run = runner.run("wf-1");
        Map<String, FakeAgents.Call> byStep = new HashMap<>();
        agents.calls().stream().filter(call -> call.body().path("request_id").asText().startsWith("wf-1:"))
                .forEach(call -> byStep.put(call.stepId(), call));
        assertThat(byStep).containsOnlyKeys("validate_ro_1", "validate_part_1", "assign_technician_1",
                "create_payment_1");
        for (DagStep step : PLAN) {
            for (String dependency : step.dependencies()) {
                assertThat(byStep.get(step.id()).startNanos()).as(step.id() + " after " + dependency)
                        .isGreaterThanOrEqualTo(byStep.get(dependency).endNanos());
            }
        }
        FakeAgents.Call ro = byStep.get("validate_ro_1");
        FakeAgents.Call part = byStep.get("validate_part_1");
        assertThat(Math.max(ro.startNanos(), part.startNanos())).as("the two validations overlap")
                .isLessThan(Math.min(ro.endNanos(), part.endNanos()));
        FakeAgents.Call assign = byStep.get("assign_technician_1");
        FakeAgents.Call payment = byStep.get("create_payment_1");
        assertThat(Math.max(assign.startNanos(), payment.startNanos())).as("assign and payment overlap")
                .isLessThan(Math.min(assign.endNanos(), payment.endNanos()));
        // four steps one after another could not take less
        assertThat(Duration.ofNanos(run.wallNanos())).isLessThan(Duration.ofMillis(4 * DELAY_MILLIS));
        assertThat(run.stepNanos()).hasSize(PLAN.size()).allSatisfy((step, nanos) ->
                assertThat(nanos).isGreaterThanOrEqualTo(Duration.ofMillis(DELAY_MILLIS).toNanos()));
    }
}
