package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approvals against real processes: a payment link above the approval amount waits on one orchestrator, that
 * orchestrator is killed with SIGKILL, and the link is approved on another orchestrator on the same Redis, which
 * makes it exactly once (counted in the payment server's own ledger). And the operation policy's refusals at
 * {@code /execute-plan}: a test hook and {@code skip} on a payment, each a 422 naming the step and the rule, with
 * nothing made.
 */
class ApprovalFailoverTest {

    private static final String EMAIL = "approval.failover@example.com";

    static FleetProcesses fleet;
    static PrivateRedis redis;
    static HttpJson payment;
    static HttpJson first;
    static HttpJson second;

    @BeforeAll
    static void startTwoOrchestratorsOnOneRedis() {
        fleet = FleetProcesses.get();
        redis = new PrivateRedis("approval-redis");
        payment = new HttpJson(fleet.url("payment"));
        first = new HttpJson(fleet.startOrchestratorOn(redis, "approval-orchestrator-a", Map.of()).url());
        second = new HttpJson(fleet.startOrchestratorOn(redis, "approval-orchestrator-b", Map.of()).url());
        awaitPaymentKnown(first);
        awaitPaymentKnown(second);
    }

    /** An orchestrator plans only with the agents its discovery found healthy. */
    private static void awaitPaymentKnown(HttpJson orchestrator) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                "healthy".equals(orchestrator.get("/health").body().at("/services/payment/status").asText()));
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static String linkPlan(String requestId, String repairOrder, int amount, String handling) {
        return """
                {"request_id": "%s", "user_request": "Payment link of %d for RO %s", "workflow_plan": {
                 "plan_id": "%s", "execution_steps": [
                  {"step_id": "methods", "service_name": "payment", "operation": "get_payment_methods",
                   "parameters": {"customer_id": "ambujmehra"}},
                  {"step_id": "pay", "service_name": "payment", "operation": "create_payment_link",
                   "parameters": {"repair_order_id": "%s", "amount": %d, "customer_email": "%s"},
                   "dependencies": ["methods"], "failure_handling": "%s"}]}}""".formatted(requestId, amount,
                repairOrder, requestId, repairOrder, amount, EMAIL, handling);
    }

    @Test
    void aLinkThatWaitsOnAKilledOrchestratorIsApprovedOnAnotherAndMadeOnce() {
        String id = "approval-failover-1";

        Reply paused = first.post("/execute-plan", linkPlan(id, "7401", 900, "abort"));

        assertThat(paused.status()).as(paused.body().toString()).isEqualTo(202);
        assertThat(paused.text("status")).isEqualTo("awaiting_approval");
        assertThat(paused.body().at("/execution_results/steps/methods/status").asText())
                .as("the read ran before the pause").isEqualTo("completed");
        assertThat(paused.body().at("/approval/steps/0/rules/0").asText()).isEqualTo("payment_link_above_500");
        assertThat(links("7401")).as("nothing made before the approval").isEmpty();

        fleet.kill("approval-orchestrator-a");

        Reply waiting = second.get("/workflow/" + id);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.text("status")).as("the pause is in the journal, not in the dead process")
                .isEqualTo("awaiting_approval");
        Reply approved = second.post("/workflow/" + id + "/approve", "{\"comment\": \"customer agreed by phone\"}");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().at("/approval/audit/0/comment").asText()).isEqualTo("customer agreed by phone");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "completed".equals(second.get("/workflow/" + id).text("status")));
        assertThat(second.post("/workflow/" + id + "/approve", "{}").status()).as("approved twice").isEqualTo(409);
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        List<JsonNode> links = links("7401");
        assertThat(links).as("payment links of RO 7401").hasSize(1);
        assertThat(links.getFirst().path("amount").asDouble()).isEqualTo(900.0);
        assertThat(second.get("/health").status()).isEqualTo(200);
    }

    @Test
    void theOperationPolicyRefusesTestHooksAndSkipOnPaymentsWithNothingMade() {
        HttpJson orchestrator = second;

        Reply hook = orchestrator.post("/execute-plan", """
                {"workflow_plan": {"plan_id": "hook-1", "execution_steps": [
                  {"step_id": "sim_1", "service_name": "payment", "operation": "simulate_payment",
                   "parameters": {"payment_id": "PAY-1008E5"}}]}}""");
        assertThat(hook.status()).as(hook.body().toString()).isEqualTo(422);
        assertThat(hook.text("detail")).as(hook.body().toString()).contains("step sim_1", "test_hook");

        Reply skip = orchestrator.post("/execute-plan", linkPlan("policy-skip-1", "7402", 50, "skip"));
        assertThat(skip.status()).as(skip.body().toString()).isEqualTo(422);
        assertThat(skip.text("detail")).as(skip.body().toString()).contains("step pay", "no_skip_on_side_effect");

        assertThat(links("7402")).isEmpty();
        Reply unpaid = payment.execute("check_payment_status", "{\"payment_id\":\"PAY-1008E5\"}");
        assertThat(unpaid.body().at("/result/status").asText()).as("the test hook did not pay it")
                .isNotEqualTo("paid");
        assertThat(orchestrator.get("/health").status()).isEqualTo(200);
    }

    private static List<JsonNode> links(String repairOrder) {
        Reply reply = payment.execute("check_payment_status", "{\"repair_order_id\":\"" + repairOrder + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<JsonNode> links = new ArrayList<>();
        reply.body().at("/result/payments").forEach(links::add);
        return links;
    }
}
