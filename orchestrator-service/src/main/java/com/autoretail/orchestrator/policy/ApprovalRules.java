package com.autoretail.orchestrator.policy;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.plan.ExecutionStep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configurable approval rules, by operation and parameters. A value the plan leaves to an earlier step's result
 * ({@code ${steps...}}) is not known before the workflow runs, so a rule that would look at it asks for approval.
 */
final class ApprovalRules {

    static final String REFUND = "refund";
    static final String CANCELLATION = "cancellation";
    static final String PAYMENT_LINK_ABOVE = "payment_link_above_";
    static final String HOLD_ABOVE = "hold_above_";

    private final OrchestratorProperties.Policy.Approval settings;

    ApprovalRules(OrchestratorProperties.Policy.Approval settings) {
        this.settings = settings;
    }

    /** The rules that make this step wait; empty when none does. */
    List<String> of(ExecutionStep step) {
        List<String> rules = new ArrayList<>();
        Map<String, Object> parameters = step.parameters();
        switch (step.operation()) {
            case "process_refund" -> {
                if (settings.refunds()) {
                    rules.add(REFUND);
                }
            }
            case "update_repair_order_status" -> {
                Object status = parameters.get("new_status");
                if (settings.cancellations() && (reference(status) || "cancelled".equals(status))) {
                    rules.add(CANCELLATION);
                }
            }
            case "create_payment_link" -> {
                BigDecimal amount = number(parameters.get("amount"));
                if (settings.paymentLinks() && (amount == null
                        || amount.compareTo(settings.paymentLinksAbove()) > 0)) {
                    rules.add(PAYMENT_LINK_ABOVE + settings.paymentLinksAbove().toPlainString());
                }
            }
            case "create_hold" -> holds(rules, number(parameters.get("quantity")));
            case "reserve_parts" -> holds(rules, reserved(parameters));
            default -> { }
        }
        return rules;
    }

    private void holds(List<String> rules, BigDecimal quantity) {
        if (settings.holds() && (quantity == null || quantity.compareTo(BigDecimal.valueOf(settings.holdsAbove())) > 0)) {
            rules.add(HOLD_ABOVE + settings.holdsAbove());
        }
    }

    /** Units one {@code reserve_parts} step holds: its quantity map's sum, each listed part once by default. */
    private static BigDecimal reserved(Map<String, Object> parameters) {
        Object parts = parameters.get("part_numbers");
        Object quantities = parameters.get("quantity_map");
        if (reference(parts) || reference(quantities)) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        if (quantities instanceof Map<?, ?> map && !map.isEmpty()) {
            for (Object value : map.values()) {
                BigDecimal quantity = number(value);
                if (quantity == null) {
                    return null;
                }
                total = total.add(quantity);
            }
            return total;
        }
        return parts instanceof List<?> list ? BigDecimal.valueOf(list.size()) : BigDecimal.ONE;
    }

    private static boolean reference(Object value) {
        return value instanceof String text && text.contains("${");
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text && !reference(text)) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
