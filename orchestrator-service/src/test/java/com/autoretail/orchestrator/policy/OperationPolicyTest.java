package com.autoretail.orchestrator.policy;

import com.autoretail.common.security.Caller;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.RiskTier;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.testsupport.Catalogs;
import com.autoretail.orchestrator.testsupport.Policies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationPolicyTest {

    private static final Caller OPERATOR = new Caller("op-1", Set.of(Caller.OPERATOR));
    private static final Caller VIEWER = new Caller("viewer-1", Set.of(Caller.VIEWER));
    private static final Caller APPROVER = new Caller("appr-1", Set.of(Caller.APPROVER));
    private static final ServiceCatalog CATALOG = withTestHook(Catalogs.all());

    private final OperationPolicy policy = Policies.defaults();

    static ExecutionStep step(String id, String service, String operation, Map<String, Object> parameters,
                              List<String> dependencies, FailureHandling handling) {
        return new ExecutionStep(id, 1, service, operation, parameters, List.of(), dependencies, null, handling, 30, 2);
    }

    static ExecutionStep step(String id, String service, String operation, Map<String, Object> parameters,
                              String... dependencies) {
        return step(id, service, operation, parameters, List.of(dependencies), FailureHandling.ABORT);
    }

    static WorkflowPlan plan(ExecutionStep... steps) {
        return new WorkflowPlan("plan-1", "low", 10, List.of(steps), List.of(), Map.of());
    }

    private static ServiceCatalog withTestHook(ServiceCatalog catalog) {
        Map<String, Capabilities> services = new LinkedHashMap<>(catalog.services());
        Capabilities payment = services.get("payment");
        List<OperationSpec> operations = new ArrayList<>(payment.operations());
        operations.add(new OperationSpec("simulate_payment", "Test hook", OperationSource.MCP,
                Map.of("type", "object"), true, null));
        services.put("payment", new Capabilities(payment.serviceName(), payment.serviceKey(), payment.description(),
                payment.version(), operations, payment.mcpTools()));
        return new ServiceCatalog(services);
    }

    private static PolicyRefusal refusal(Runnable check) {
        try {
            check.run();
        } catch (PolicyRefusal e) {
            return e;
        }
        throw new AssertionError("the policy did not refuse the plan");
    }

    @Test
    void aPlanOfReadsAndSmallSideEffectsRunsWithoutApproval() {
        OperationPolicy.Decision decision = policy.check(plan(
                step("ro", "repair_orders", "get_repair_order_details", Map.of("repair_order_id", "1234")),
                step("reserve", "parts", "reserve_parts", Map.of("part_numbers", List.of("1234"),
                        "repair_order_id", "1234"), "ro"),
                step("pay", "payment", "create_payment_link", Map.of("repair_order_id", "1234", "amount", 100,
                        "customer_email", "a@b.example"), "ro")), CATALOG, OPERATOR);

        assertThat(decision.needsApproval()).isFalse();
        assertThat(decision.runFirst()).containsExactly("ro", "reserve", "pay");
    }

    @Test
    void aRefundWaitsAndTheReadsThatDoNotDependOnItRunFirst() {
        OperationPolicy.Decision decision = policy.check(plan(
                step("status", "payment", "check_payment_status", Map.of("payment_id", "PAY-1")),
                step("refund", "payment", "process_refund", Map.of("payment_id", "PAY-1", "amount", 20,
                        "reason_code", "DUPLICATE"), "status"),
                step("after", "payment", "check_payment_status", Map.of("payment_id", "PAY-1"), "refund")),
                CATALOG, OPERATOR);

        assertThat(decision.runFirst()).containsExactly("status");
        assertThat(decision.waiting()).extracting(WaitingStep::stepId).containsExactly("refund", "after");
        assertThat(decision.waiting().getFirst().rules()).containsExactly("refund");
        assertThat(decision.waiting().getFirst().risk()).isEqualTo(RiskTier.IRREVERSIBLE);
        assertThat(decision.waiting().getFirst().parameters()).containsEntry("amount", 20);
        assertThat(decision.waiting().get(1).rules()).as("waits only because it comes after").isEmpty();
    }

    @Test
    void cancellingARepairOrderWaitsButOtherStatusChangesDoNot() {
        assertThat(policy.check(plan(step("c", "repair_orders", "update_repair_order_status",
                Map.of("repair_order_id", "1234", "new_status", "cancelled"))), CATALOG, OPERATOR).waiting())
                .singleElement().extracting(WaitingStep::rules).isEqualTo(List.of("cancellation"));
        assertThat(policy.check(plan(step("s", "repair_orders", "update_repair_order_status",
                Map.of("repair_order_id", "1234", "new_status", "scheduled"))), CATALOG, OPERATOR).needsApproval())
                .isFalse();
    }

    @Test
    void aStatusOrAmountTakenFromAnEarlierResultIsNotKnownSoItWaits() {
        OperationPolicy.Decision decision = policy.check(plan(
                step("ro", "repair_orders", "get_repair_order_details", Map.of("repair_order_id", "1234")),
                step("c", "repair_orders", "update_repair_order_status", Map.of("repair_order_id", "1234",
                        "new_status", "${steps.ro.result.status}"), "ro"),
                step("pay", "payment", "create_payment_link", Map.of("repair_order_id", "1234",
                        "amount", "${steps.ro.result.total}", "customer_email", "a@b.example"), "ro")),
                CATALOG, OPERATOR);

        assertThat(decision.waiting()).extracting(WaitingStep::rules)
                .containsExactly(List.of("cancellation"), List.of("payment_link_above_500"));
    }

    @Test
    void paymentLinksWaitOnlyAboveTheConfiguredAmount() {
        assertThat(needs(policy, "create_payment_link", Map.of("amount", 500))).isFalse();
        assertThat(needs(policy, "create_payment_link", Map.of("amount", 500.01))).isTrue();
        assertThat(needs(policy, "create_payment_link", Map.of("amount", "750"))).isTrue();
        OperationPolicy higher = Policies.policy(Map.of("approval.payment-links-above", "1000"));
        assertThat(needs(higher, "create_payment_link", Map.of("amount", 750))).isFalse();
    }

    @Test
    void holdsAndReservationsWaitAboveTheConfiguredQuantity() {
        assertThat(needs(policy, "create_hold", Map.of("sku", "SKU000001", "quantity", 10))).isFalse();
        assertThat(needs(policy, "create_hold", Map.of("sku", "SKU000001", "quantity", 11))).isTrue();
        assertThat(needs(policy, "reserve_parts", Map.of("part_numbers", List.of("1", "2"),
                "quantity_map", Map.of("1", 6, "2", 6)))).as("12 units in one step").isTrue();
        assertThat(needs(policy, "reserve_parts", Map.of("part_numbers", List.of("1", "2")))).isFalse();
    }

    @Test
    void eachRuleIsTurnedOffByItsSetting() {
        OperationPolicy off = Policies.policy(Map.of("approval.refunds", "false", "approval.cancellations", "false",
                "approval.payment-links", "false", "approval.holds", "false"));
        assertThat(needs(off, "process_refund", Map.of("payment_id", "P", "amount", 5))).isFalse();
        assertThat(needs(off, "update_repair_order_status", Map.of("new_status", "cancelled"))).isFalse();
        assertThat(needs(off, "create_payment_link", Map.of("amount", 9000))).isFalse();
        assertThat(needs(off, "create_hold", Map.of("quantity", 900))).isFalse();
    }

    @Test
    void aRiskTierSettingMakesEveryStepOfThatTierWait() {
        OperationPolicy tiered = Policies.policy(Map.of("approval.from-tier", "irreversible"));
        OperationPolicy.Decision decision = tiered.check(plan(
                step("ro", "repair_orders", "get_repair_order_details", Map.of("repair_order_id", "1234")),
                step("note", "repair_orders", "add_repair_notes", Map.of("repair_order_id", "1234", "note", "x"),
                        "ro"),
                step("reserve", "parts", "reserve_parts", Map.of("part_numbers", List.of("1234"),
                        "repair_order_id", "1234"), "ro")), CATALOG, OPERATOR);

        assertThat(decision.waiting()).extracting(WaitingStep::stepId).containsExactly("note", "reserve");
        assertThat(decision.waiting().getFirst().rules()).containsExactly("risk_tier_irreversible");
        assertThat(decision.waiting().get(1).rules()).as("reversible: below the tier").isEmpty();
    }

    @Test
    void aRoleWithoutTheOperationInItsAllowListIsForbidden() {
        PolicyRefusal refused = refusal(() -> policy.check(plan(step("refund", "payment", "process_refund",
                Map.of("payment_id", "P", "amount", 5, "reason_code", "X"))), CATALOG, VIEWER));

        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.getMessage()).contains("step refund", "payment.process_refund", "role_allow_list");
        assertThat(refusal(() -> policy.check(plan(step("ro", "repair_orders", "get_repair_order_details",
                Map.of("repair_order_id", "1"))), CATALOG, APPROVER)).status().value())
                .as("an approver decides, it does not start workflows").isEqualTo(403);
    }

    @Test
    void allowListsNameOperationsServicesOrEverything() {
        OperationPolicy listed = Policies.policy(Map.of(
                "allowed-operations.operator[0]", "repair_orders.*",
                "allowed-operations.operator[1]", "get_part_details",
                "allowed-operations.viewer[0]", "payment.check_payment_status"));
        Caller both = new Caller("both", Set.of(Caller.OPERATOR, Caller.VIEWER));

        assertThat(listed.check(plan(
                step("a", "repair_orders", "add_repair_notes", Map.of("repair_order_id", "1", "note", "n")),
                step("b", "parts", "get_part_details", Map.of("part_number", "1")),
                step("c", "payment", "check_payment_status", Map.of("payment_id", "P"))), CATALOG, both)
                .needsApproval()).isFalse();
        assertThat(refusal(() -> listed.check(plan(step("d", "parts", "reserve_parts",
                Map.of("part_numbers", List.of("1"), "repair_order_id", "1"))), CATALOG, both)).getMessage())
                .contains("step d", "parts.reserve_parts");
        assertThat(policy.check(plan(step("r", "payment", "process_refund", Map.of("payment_id", "P", "amount", 5,
                "reason_code", "X"))), CATALOG, new Caller("root", Set.of(Caller.ADMIN))).needsApproval())
                .as("admin runs everything, and still waits for approval").isTrue();
    }

    @Test
    void testHooksAreNeitherPlannedNorRunOutsideATestSetUp() {
        PolicyRefusal refused = refusal(() -> policy.check(plan(step("sim", "payment", "simulate_payment",
                Map.of("payment_id", "P"))), CATALOG, OPERATOR));

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("step sim", "test hook", "test_hook");
        assertThat(policy.plannable(CATALOG).has("payment", "simulate_payment")).isFalse();
        assertThat(policy.plannable(CATALOG).has("payment", "create_payment_link")).isTrue();

        OperationPolicy testing = Policies.policy(Map.of("test-hooks-allowed", "true"));
        assertThat(testing.plannable(CATALOG).has("payment", "simulate_payment")).isTrue();
        assertThat(testing.check(plan(step("sim", "payment", "simulate_payment", Map.of("payment_id", "P"))),
                CATALOG, OPERATOR).needsApproval()).isFalse();
    }

    @Test
    void skipIsRefusedOnPaymentSideEffectsAndIrreversibleStepsOnly() {
        PolicyRefusal onPayment = refusal(() -> policy.check(plan(step("pay", "payment", "create_payment_link",
                Map.of("amount", 10), List.of(), FailureHandling.SKIP)), CATALOG, OPERATOR));
        assertThat(onPayment.status().value()).isEqualTo(422);
        assertThat(onPayment.getMessage()).contains("step pay", "no_skip_on_side_effect");

        assertThat(refusal(() -> policy.check(plan(step("note", "repair_orders", "add_repair_notes",
                Map.of("repair_order_id", "1", "note", "n"), List.of(), FailureHandling.SKIP)), CATALOG, OPERATOR))
                .getMessage()).contains("irreversible");

        assertThat(policy.check(plan(
                step("status", "payment", "check_payment_status", Map.of("payment_id", "P"), List.of(),
                        FailureHandling.SKIP),
                step("reserve", "parts", "reserve_parts", Map.of("part_numbers", List.of("1"),
                        "repair_order_id", "1"), List.of(), FailureHandling.SKIP)), CATALOG, OPERATOR)
                .needsApproval()).as("a read and a reversible side effect may be skipped").isFalse();
    }

    @Test
    void forbiddenOperationsAreAnsweredBeforeWhatThePolicyRefuses() {
        PolicyRefusal refused = refusal(() -> policy.check(plan(
                step("sim", "payment", "simulate_payment", Map.of("payment_id", "P")),
                step("refund", "payment", "process_refund", Map.of("payment_id", "P", "amount", 5))),
                CATALOG, VIEWER));
        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.violations()).extracting(PolicyRefusal.Violation::stepId).containsExactly("sim", "refund");
    }

    @Test
    void workflowsAreSeenByTheirOwnerAndTheRolesThatSeeAll() {
        assertThat(policy.sees(OPERATOR, "op-1")).isTrue();
        assertThat(policy.sees(OPERATOR, "op-2")).isFalse();
        assertThat(policy.sees(VIEWER, "op-1")).as("the back office's readers").isTrue();
        assertThat(policy.sees(APPROVER, "op-1")).isTrue();
        assertThat(policy.sees(new Caller("root", Set.of(Caller.ADMIN)), "op-1")).isTrue();
        assertThat(policy.sees(Caller.OPEN, "op-1")).as("the open local default").isTrue();
        assertThat(Policies.policy(Map.of("see-all", "admin")).sees(APPROVER, "op-1")).isFalse();
        assertThat(Policies.policy(Map.of("see-all", "admin")).sees(VIEWER, "op-1")).isFalse();
        assertThat(policy.mayApprove(APPROVER)).isTrue();
        assertThat(policy.mayApprove(OPERATOR)).isFalse();
    }

    @Test
    void anApprovalExpiresAfterTheConfiguredTimeoutAndRecordsEachDecision() {
        OperationPolicy hourly = Policies.policy(Map.of("approval.timeout", "1h"));
        OperationPolicy.Decision decision = hourly.check(plan(step("refund", "payment", "process_refund",
                Map.of("payment_id", "P", "amount", 5, "reason_code", "X"))), CATALOG, OPERATOR);
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        Approval approval = hourly.approvalFor(decision, now);

        assertThat(approval.pending()).isTrue();
        assertThat(approval.requiredRole()).isEqualTo("approver");
        assertThat(approval.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(approval.expiredAt(now.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(approval.expiredAt(now.plus(Duration.ofHours(1)))).isTrue();

        Approval rejected = approval.decided(Approval.State.REJECTED, APPROVER, "not this one", now.plusSeconds(5));
        assertThat(rejected.pending()).isFalse();
        assertThat(rejected.expiredAt(now.plus(Duration.ofDays(2)))).as("a decided approval never expires").isFalse();
        assertThat(rejected.audit()).singleElement().satisfies(entry -> {
            assertThat(entry.by()).isEqualTo("appr-1");
            assertThat(entry.roles()).containsExactly("approver");
            assertThat(entry.decision()).isEqualTo(Approval.State.REJECTED);
            assertThat(entry.comment()).isEqualTo("not this one");
            assertThat(entry.seen()).extracting(WaitingStep::operation).containsExactly("process_refund");
        });
        assertThat(approval.expired(now.plus(Duration.ofHours(1))).audit()).singleElement()
                .extracting(Approval.AuditEntry::by).isEqualTo("system");
    }

    private static boolean needs(OperationPolicy policy, String operation, Map<String, Object> parameters) {
        String service = switch (operation) {
            case "create_hold" -> "inventory";
            case "reserve_parts" -> "parts";
            case "update_repair_order_status" -> "repair_orders";
            default -> "payment";
        };
        return policy.check(plan(step("s", service, operation, parameters)), CATALOG, OPERATOR).needsApproval();
    }
}
