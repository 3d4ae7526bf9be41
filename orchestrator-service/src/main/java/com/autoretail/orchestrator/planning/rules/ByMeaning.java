package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.util.List;
import java.util.Map;

/** A {@link Meaning} as one of the planner's intent matchers: its operations turned into intents, its doubts kept. */
final class ByMeaning {

    /** Below this a matcher by meaning may not make the planner change anything: a read is cheap to get wrong. */
    static final double CHANGE_CONFIDENCE = 0.8;

    /** Never as sure as a rule: where the rules found something, they decide. */
    private static final double MOST = 0.99;

    /** The operations the planner has intents for. */
    private static final Map<String, Intent> INTENTS = Map.ofEntries(
            Map.entry("payment.check_payment_status", Intent.PAYMENT_STATUS),
            Map.entry("payment.get_payment_methods", Intent.PAYMENT_METHODS),
            Map.entry("payment.create_payment_link", Intent.PAYMENT_LINK),
            Map.entry("payment.process_refund", Intent.REFUND),
            Map.entry("payment.cancel_payment_link", Intent.CANCEL_PAYMENT_LINK),
            Map.entry("payment.send_payment_notification", Intent.PAYMENT_NOTIFICATION),
            Map.entry("repair_orders.get_repair_history", Intent.REPAIR_HISTORY),
            Map.entry("repair_orders.get_repair_order_details", Intent.REPAIR_ORDER_DETAILS),
            Map.entry("repair_orders.assign_technician", Intent.ASSIGN_TECHNICIAN),
            Map.entry("repair_orders.add_repair_notes", Intent.ADD_NOTE),
            Map.entry("repair_orders.update_repair_order_status", Intent.STATUS_CHANGE),
            Map.entry("repair_orders.create_repair_order", Intent.CREATE_REPAIR_ORDER),
            Map.entry("repair_orders.add_part_to_repair_order", Intent.ADD_PART),
            Map.entry("parts.reserve_parts", Intent.ADD_PART),
            Map.entry("parts.get_part_details", Intent.PART_DETAILS),
            Map.entry("parts.check_part_availability", Intent.PART_AVAILABILITY),
            Map.entry("parts.search_parts", Intent.PART_SEARCH),
            Map.entry("parts.get_alternative_parts", Intent.ALTERNATIVE_PARTS),
            Map.entry("parts.check_vehicle_compatibility", Intent.COMPATIBILITY),
            Map.entry("parts.release_reservation", Intent.RELEASE_RESERVATION),
            Map.entry("inventory.create_hold", Intent.INVENTORY_HOLD),
            Map.entry("inventory.get_inventory", Intent.INVENTORY_STOCK),
            Map.entry("inventory.check_availability", Intent.INVENTORY_STOCK),
            Map.entry("inventory.release_hold", Intent.RELEASE_HOLD),
            Map.entry("inventory.commit_hold", Intent.COMMIT_HOLD),
            Map.entry("sales.handle_message", Intent.SALES_MESSAGE),
            Map.entry("payment.validate_payment_data", Intent.VALIDATE_PAYMENT),
            Map.entry("parts.validate_part_number", Intent.VALIDATE_PART),
            Map.entry("repair_orders.validate_repair_order_transition", Intent.VALIDATE_TRANSITION));


    private ByMeaning() {
    }

    /** The matcher, for the catalog of one request. */
    static IntentMatcher of(Meaning meaning, ServiceCatalog catalog) {
        return clause -> meaning.propose(clause.text(), catalog).stream()
                .filter(proposal -> INTENTS.containsKey(proposal.operation()))
                .map(proposal -> new IntentMatcher.Match(INTENTS.get(proposal.operation()),
                        Math.min(proposal.score(), MOST)))
                .filter(match -> !match.intent().changes || match.confidence() >= CHANGE_CONFIDENCE)
                .toList();
    }
}
