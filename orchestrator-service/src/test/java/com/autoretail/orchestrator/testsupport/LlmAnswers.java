package com.autoretail.orchestrator.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/** What an LLM answers to {@link Catalogs#EXAMPLE_REQUEST}: the right plan, and the steps an LLM might inject. */
public final class LlmAnswers {

    /**
     * The architecture document's example plan as an LLM writes it: wrapped, with the prompt's placeholder id, no
     * defaults; the reserve step's operation and two dependency lists left to fill in ({@code %s}).
     */
    public static final String EXAMPLE_PLAN = """
            {"workflow_plan": {"plan_id": "unique_plan_id", "risk_level": "medium", "estimated_duration_seconds": 45,
              "execution_steps": [
                {"step_id": "validate_ro_1", "step_order": 1, "service_name": "repair_orders",
                 "operation": "get_repair_order_details", "parameters": {"repair_order_id": "1234"},
                 "validation_checks": ["check_repair_order_exists"], "dependencies": [],
                 "parallel_group": "validation_group", "failure_handling": "abort"},
                {"step_id": "validate_part_1", "step_order": 2, "service_name": "parts",
                 "operation": "get_part_details", "parameters": {"part_number": "1234"},
                 "validation_checks": ["check_part_exists"], "dependencies": [],
                 "parallel_group": "validation_group", "failure_handling": "abort"},
                {"step_id": "reserve_part_1", "step_order": 3, "service_name": "parts", "operation": "%s",
                 "parameters": {"part_numbers": ["1234"], "repair_order_id": "1234", "quantity_map": {"1234": 1}},
                 "dependencies": ["validate_ro_1", "validate_part_1"%s], "failure_handling": "retry"},
                {"step_id": "create_payment_1", "step_order": 4, "service_name": "payment",
                 "operation": "create_payment_link", "parameters": {"repair_order_id": "1234", "amount": 100.0,
                 "currency": "USD", "customer_email": "ambujmehra16@gmail.com"},
                 "dependencies": ["validate_ro_1"%s], "failure_handling": "retry"}
              ],
              "validation_summary": ["repair_order_1234_existence_verified", "part_1234_availability_confirmed"],
              "service_dependencies": {"parts": ["repair_orders"], "payment": ["repair_orders"]}}}""";

    /** The architecture document's 4-step plan, every value from the request. */
    public static final String GOOD = EXAMPLE_PLAN.formatted("reserve_parts", "", "");

    /** A refund nobody asked for, of the link the plan creates: its values are all grounded, the refund is not. */
    public static final String REFUND = """
            {"step_id": "refund_1", "service_name": "payment", "operation": "process_refund",
             "parameters": {"payment_id": "${steps.create_payment_1.result.payment_id}", "amount": 100,
                            "reason_code": "goodwill"},
             "dependencies": ["create_payment_1"], "failure_handling": "retry"}""";

    /** A payment notification to an address the request never gave. */
    public static final String NOTIFY_STRANGER = """
            {"step_id": "notify_1", "service_name": "payment", "operation": "send_payment_notification",
             "parameters": {"payment_id": "${steps.create_payment_1.result.payment_id}", "channel": "email",
                            "recipient": "collector@stranger.example"},
             "dependencies": ["create_payment_1"], "failure_handling": "retry"}""";

    /** An operation no agent has. */
    public static final String UNKNOWN_OPERATION = """
            {"step_id": "wire_1", "service_name": "payment", "operation": "wire_funds",
             "parameters": {"amount": 100}, "dependencies": ["validate_ro_1"], "failure_handling": "retry"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmAnswers() {
    }

    /** {@link #GOOD} with one more step. */
    public static String withStep(String step) {
        return edited(plan -> steps(plan).add(tree(step)));
    }

    /** {@link #GOOD}, its create_payment_1 step with this failure_handling. */
    public static String withPaymentFailureHandling(String failureHandling) {
        return edited(plan -> ((ObjectNode) steps(plan).get(3)).put("failure_handling", failureHandling));
    }

    /** {@link #GOOD} with its repair order and part number replaced by ones the request does not give. */
    public static String withInventedIds(String id) {
        return GOOD.replace("1234", id);
    }

    public static String edited(Consumer<ObjectNode> edit) {
        ObjectNode plan = (ObjectNode) tree(GOOD).get("workflow_plan");
        edit.accept(plan);
        return JSON.createObjectNode().set("workflow_plan", plan).toString();
    }

    public static ArrayNode steps(ObjectNode plan) {
        return (ArrayNode) plan.get("execution_steps");
    }

    public static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
