package com.autoretail.orchestrator.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.web.ProblemException;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.workflow.WorkflowApprovals;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.autoretail.orchestrator.api.WireMockFleet.execute;
import static com.autoretail.orchestrator.api.WireMockFleet.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Approvals over HTTP (the open local default, whose caller holds every role) and through the workflow service with
 * callers of given roles: a refund pauses after the reads, runs once when approved, never when rejected; decisions
 * are taken once; the policy refuses what it must with nothing run.
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Caller OPERATOR = new Caller("op-1", Set.of(Caller.OPERATOR));
    private static final Caller OTHER_OPERATOR = new Caller("op-2", Set.of(Caller.OPERATOR));
    private static final Caller VIEWER = new Caller("viewer-1", Set.of(Caller.VIEWER));
    private static final Caller APPROVER = new Caller("appr-1", Set.of(Caller.APPROVER));

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void fleetUrls(DynamicPropertyRegistry registry) {
        fleet.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowApprovals approvals;

    @Autowired
    ServiceRegistry registry;

    @Autowired
    OrchestratorController controller;

    HttpJson http;

    @BeforeEach
    void setUp() {
        http = new HttpJson("http://localhost:" + port);
        fleet.server.stubFor(execute("payment", "check_payment_status").willReturn(okJson(ok(
                "{\"payment_id\":\"PAY-1\",\"status\":\"paid\",\"amount\":120}"))));
        fleet.server.stubFor(execute("payment", "process_refund").willReturn(okJson(ok(
                "{\"refund_id\":\"REF-1\",\"payment_id\":\"PAY-1\",\"status\":\"refunded\"}"))));
    }

    static String refundPlan(String requestId, String refundHandling) {
        return """
                {"request_id": "%s", "user_request": "Refund 20 on PAY-1", "workflow_plan": {"plan_id": "p-%s",
                 "execution_steps": [
                  {"step_id": "status", "service_name": "payment", "operation": "check_payment_status",
                   "parameters": {"payment_id": "PAY-1"}},
                  {"step_id": "refund", "service_name": "payment", "operation": "process_refund",
                   "parameters": {"payment_id": "PAY-1", "amount": 20, "reason_code": "duplicate_payment"},
                   "dependencies": ["status"], "failure_handling": "%s"}]}}""".formatted(requestId, requestId,
                refundHandling);
    }

    private static String id() {
        return "appr-" + UUID.randomUUID();
    }

    private int refunds() {
        return fleet.server.findAll(postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("process_refund")))).size();
    }

    private static WorkflowPlan plan(String json) throws Exception {
        return MAPPER.treeToValue(MAPPER.readTree(json).path("workflow_plan"), WorkflowPlan.class);
    }

    @Test
    void aRefundWaitsAfterItsReadsAndRunsOnceWhenApproved() {
        String id = id();
        Reply paused = http.post("/execute-plan", refundPlan(id, "abort"));

        assertThat(paused.status()).isEqualTo(202);
        assertThat(paused.text("status")).isEqualTo("awaiting_approval");
        assertThat(paused.body().path("success").asBoolean()).isFalse();
        assertThat(paused.body().at("/approval/state").asText()).isEqualTo("pending");
        assertThat(paused.body().at("/approval/required_role").asText()).isEqualTo("approver");
        assertThat(paused.body().at("/approval/steps/0/step_id").asText()).isEqualTo("refund");
        assertThat(paused.body().at("/approval/steps/0/rules/0").asText()).isEqualTo("refund");
        assertThat(paused.body().at("/approval/steps/0/parameters/amount").asInt()).isEqualTo(20);
        assertThat(paused.body().at("/execution_results/steps/status/status").asText()).isEqualTo("completed");
        assertThat(paused.body().at("/execution_results/steps").has("refund")).isFalse();
        assertThat(paused.text("final_result")).contains("AWAITING APPROVAL", "approver", "process_refund");
        assertThat(refunds()).isZero();

        Reply waiting = http.get("/workflow/" + id);
        assertThat(waiting.text("status")).isEqualTo("awaiting_approval");
        assertThat(waiting.text("owner")).isEqualTo(Caller.OPEN.name());

        Reply approved = http.post("/workflow/" + id + "/approve", "{\"comment\": \"customer called twice\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("executing");
        assertThat(approved.body().at("/approval/state").asText()).isEqualTo("approved");
        assertThat(approved.body().at("/approval/audit/0/by").asText()).isEqualTo("anonymous");
        assertThat(approved.body().at("/approval/audit/0/comment").asText()).isEqualTo("customer called twice");
        assertThat(approved.body().at("/approval/audit/0/seen/0/operation").asText()).isEqualTo("process_refund");
        assertThat(approved.body().at("/approval/audit/0/at").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/workflow/" + id).text("status")
                .equals("completed"));
        Reply done = http.get("/workflow/" + id);
        assertThat(done.body().at("/execution_results/steps/refund/status").asText()).isEqualTo("completed");
        assertThat(done.text("final_result")).contains("Approved by anonymous");
        assertThat(refunds()).isEqualTo(1);
        fleet.server.verify(exactly(1), postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.request_id", equalTo(id + ":refund"))));

        Reply twice = http.post("/workflow/" + id + "/approve", "{\"comment\": \"again\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("detail")).contains("completed", "not awaiting approval");
        assertThat(http.post("/workflow/" + id + "/reject", "{}").status()).isEqualTo(409);
        assertThat(http.post("/execute-plan", refundPlan(id, "abort")).text("status"))
                .as("the same request again answers the finished workflow").isEqualTo("completed");
        assertThat(refunds()).isEqualTo(1);
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aRejectedWorkflowEndsFailedWithNothingThatWaitedRun() {
        String id = id();
        assertThat(http.post("/execute-plan", refundPlan(id, "abort")).status()).isEqualTo(202);

        Reply rejected = http.post("/workflow/" + id + "/reject", "{\"comment\": \"duplicate request\"}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("failed");
        assertThat(rejected.text("error")).contains("rejected by anonymous");
        assertThat(rejected.body().at("/approval/state").asText()).isEqualTo("rejected");
        assertThat(rejected.body().at("/approval/audit/0/comment").asText()).isEqualTo("duplicate request");
        assertThat(rejected.body().at("/execution_results/steps/refund/status").asText()).isEqualTo("not_run");
        assertThat(rejected.body().at("/execution_results/steps/status/status").asText()).isEqualTo("completed");
        assertThat(rejected.text("final_result")).contains("REJECTED by anonymous", "duplicate request");
        assertThat(http.post("/workflow/" + id + "/approve", "{}").status()).isEqualTo(409);
        assertThat(http.get("/workflow/" + id).text("status")).isEqualTo("failed");
        assertThat(refunds()).isZero();
    }

    @Test
    void theSynchronousOrchestrateAnswersAsSoonAsTheWorkflowPauses() {
        fleet.server.resetRequests();
        Reply paused = http.post("/orchestrate", "{\"request_id\": \"" + id() + "\", \"user_request\": \"Add part "
                + "number 1234 to RO number 1234, and send payment link of 900$ to ambujmehra16@gmail.com\"}");

        assertThat(paused.status()).isEqualTo(202);
        assertThat(paused.text("status")).isEqualTo("awaiting_approval");
        List<String> waiting = new ArrayList<>();
        paused.body().at("/approval/steps").forEach(step -> waiting.add(step.path("operation").asText()
                + step.path("rules").toString()));
        assertThat(waiting).containsExactly("reserve_parts[]", "create_payment_link[\"payment_link_above_500\"]");
        assertThat(paused.body().at("/execution_results/completed").asInt()).as("the two reads ran").isEqualTo(2);
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/parts/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("reserve_parts"))));
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/payment/execute")));
    }

    @Test
    void twoApproversAtOnceRunTheSideEffectOnce() throws Exception {
        String id = id();
        assertThat(http.post("/execute-plan", refundPlan(id, "abort")).status()).isEqualTo(202);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> approve = () -> {
            start.await();
            return new HttpJson("http://localhost:" + port).post("/workflow/" + id + "/approve", "{}").status();
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(approve);
            Future<Integer> second = two.submit(approve);
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            two.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/workflow/" + id).text("status")
                .equals("completed"));
        assertThat(refunds()).isEqualTo(1);
    }

    @Test
    void onlyAnApproverDecidesAndOnlyWhoSeesTheWorkflowLearnsItExists() throws Exception {
        String id = id();
        workflows.executePlan(id, "Refund 20 on PAY-1", plan(refundPlan(id, "abort")), Map.of(), OPERATOR);

        assertThat(workflows.find(id, OPERATOR)).get().extracting(WorkflowStatus::owner).isEqualTo("op-1");
        assertThat(workflows.find(id, APPROVER)).isPresent();
        assertThat(workflows.find(id, OTHER_OPERATOR)).as("another caller's workflow").isEmpty();
        assertThat(workflows.find(id, VIEWER)).as("the back office's readers see all").isPresent();
        assertThat(status(() -> approvals.approve(id, OTHER_OPERATOR, "x"))).as("invisible: as if unknown")
                .isEqualTo(404);
        assertThat(status(() -> approvals.approve(id, VIEWER, "x"))).as("seen, not an approver").isEqualTo(403);
        assertThat(status(() -> approvals.approve(id, OPERATOR, "my own"))).as("its owner, not an approver")
                .isEqualTo(403);
        assertThat(status(() -> approvals.reject(id, OPERATOR, "x"))).isEqualTo(403);
        assertThat(status(() -> approvals.approve("appr-unknown", APPROVER, "x"))).isEqualTo(404);
        assertThat(workflows.find(id, APPROVER)).get().extracting(s -> s.status().wireName())
                .isEqualTo("awaiting_approval");
        assertThat(refunds()).isZero();

        assertThat(approvals.approve(id, APPROVER, "ok").approval().audit()).singleElement()
                .satisfies(entry -> assertThat(entry.by()).isEqualTo("appr-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> workflows.find(id, OPERATOR).orElseThrow().status()
                .wireName().equals("completed"));
        assertThat(refunds()).isEqualTo(1);
        WorkflowPlan same = plan(refundPlan(id, "abort"));
        assertThat(status(() -> workflows.executePlan(id, "Refund 20 on PAY-1", same,
                Map.of(), OTHER_OPERATOR))).as("another caller reusing the id learns nothing").isEqualTo(422);
    }

    @Test
    void aCallerWhoseRolesDoNotAllowTheOperationIsRefusedWithNothingRun() throws Exception {
        String id = id();
        WorkflowPlan refund = plan(refundPlan(id, "abort"));
        assertThat(status(() -> workflows.executePlan(id, "Refund", refund, Map.of(), VIEWER))).isEqualTo(403);
        assertThat(status(() -> workflows.executePlan(id(), "Refund", refund, Map.of(), APPROVER)))
                .isEqualTo(403);
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/payment/execute")));
    }

    @Test
    void skipOnAPaymentSideEffectIsRefusedNamingTheStepAndRule() {
        Reply refused = http.post("/execute-plan", refundPlan(id(), "skip"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("error_code")).isEqualTo("POLICY_REFUSED");
        assertThat(refused.text("detail")).contains("step refund", "no_skip_on_side_effect");
        assertThat(refused.body().at("/rules/0").asText()).isEqualTo("no_skip_on_side_effect");
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/payment/execute")));
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aTestHookIsNeitherRunNorPlannedOutsideATestSetUp() throws Exception {
        ObjectNode payment = (ObjectNode) MAPPER.readTree(WireMockFleet.class
                .getResourceAsStream("/planning/capabilities.json")).get("payment");
        ((com.fasterxml.jackson.databind.node.ArrayNode) payment.get("operations")).addObject()
                .put("name", "simulate_payment").put("description", "Simulate payment (test hook)")
                .put("source", "mcp").put("side_effects", true)
                .putObject("parameters").put("type", "object");
        fleet.server.stubFor(get("/payment/capabilities").willReturn(okJson(payment.toString())));
        registry.refresh();

        Reply refused = http.post("/execute-plan", """
                {"workflow_plan": {"plan_id": "p-hook", "execution_steps": [
                  {"step_id": "sim_1", "service_name": "payment", "operation": "simulate_payment",
                   "parameters": {"payment_id": "PAY-1"}}]}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("step sim_1", "test hook", "test_hook");
        fleet.server.verify(exactly(0), postRequestedFor(urlEqualTo("/payment/execute")));
        JsonNode planned = http.post("/plan", "{\"user_request\": \"Simulate the payment PAY-1 as paid\"}").body();
        assertThat(planned.toString()).doesNotContain("simulate_payment");
    }

    @Test
    void theEndpointsActForTheAuthenticatedCaller() throws Exception {
        String id = id();
        WorkflowPlan refund = plan(refundPlan(id, "abort"));
        as("op-1", "ROLE_OPERATOR", () -> assertThat(controller.executePlan(new PlanExecutionRequest(id, refund,
                "Refund 20 on PAY-1", Map.of())).getStatusCode().value()).isEqualTo(202));

        as("op-1", "ROLE_OPERATOR", () -> {
            assertThat(controller.workflow(id).owner()).isEqualTo("op-1");
            assertThat(status(() -> controller.approve(id, new OrchestratorController.Decision("mine"))))
                    .isEqualTo(403);
        });
        as("op-2", "ROLE_OPERATOR", () -> {
            assertThat(status(() -> controller.workflow(id))).isEqualTo(404);
            assertThat(status(() -> controller.reject(id, new OrchestratorController.Decision("no")))).isEqualTo(404);
        });
        as("viewer-1", "ROLE_VIEWER", () -> {
            assertThat(controller.workflow(id).owner()).isEqualTo("op-1");
            assertThat(status(() -> controller.reject(id, new OrchestratorController.Decision("no")))).isEqualTo(403);
        });
        as("appr-1", "ROLE_APPROVER", () -> assertThat(controller.reject(id,
                new OrchestratorController.Decision("not today")).approval().audit().getFirst().by())
                .isEqualTo("appr-1"));
        assertThat(refunds()).isZero();
    }

    private static void as(String name, String authority, Runnable call) {
        var authentication = new org.springframework.security.authentication.TestingAuthenticationToken(name, null,
                authority);
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(authentication);
        try {
            call.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private static int status(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e.status().value();
        }
        throw new AssertionError("not refused");
    }
}
