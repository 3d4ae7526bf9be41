package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.plan.StepReferences;
import com.autoretail.orchestrator.planning.rules.PlanBuilder.Kind;
import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.Money;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static com.autoretail.orchestrator.planning.rules.PlanBuilder.INVENTORY;
import static com.autoretail.orchestrator.planning.rules.PlanBuilder.PAYMENT;
import static com.autoretail.orchestrator.planning.rules.PlanBuilder.SALES;
import static com.autoretail.orchestrator.planning.rules.PlanBuilder.parameters;

/** The steps of the payment, inventory and sales intents, with the operation and parameter names of docs/CONTRACT.md. */
final class CommerceSteps {

    /** What a count below 1 ("0", "-2", "2.5 units") is refused for, never taken as 1 or as the digits after the sign. */
    static final String WHOLE_COUNT = "a whole number of units, at least 1";

    private static final String DEFAULT_CURRENCY = "USD";
    private static final String PAYMENT_ID = "the payment id (e.g. PAY-1009A1)";

    private CommerceSteps() {
    }

    /** The repair order number is the invoice number, so the link waits for the repair order's validation. */
    static void sendPaymentLink(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.PAYMENT_LINK;
        List<String> repairOrders = clause.repairOrders();
        Money amount = one(intent, clause.amounts(), "amount", plan);
        String email = one(intent, clause.emails(), "email address", plan);
        if (repairOrders.isEmpty()) {
            plan.missing(intent, "the repair order number, which is the invoice number (e.g. RO 1234)");
        }
        if (amount == null && clause.amounts().isEmpty()) {
            plan.missing(intent, "an amount (e.g. $100 or 100 USD)");
        } else if (amount != null && amount.value().signum() <= 0) {
            plan.missing(intent, "an amount greater than 0");
        }
        if (email == null && clause.emails().isEmpty()) {
            plan.missing(intent, "the customer's email address");
        }
        if (repairOrders.isEmpty() || amount == null || amount.value().signum() <= 0 || email == null
                || !plan.available(intent, PAYMENT, "create_payment_link")) {
            return;
        }
        String currency = amount.currencyOr(DEFAULT_CURRENCY);
        for (String repairOrder : repairOrders) {
            plan.action(intent, "create_payment", PAYMENT, "create_payment_link",
                    parameters("repair_order_id", repairOrder, "amount", amount.value().doubleValue(),
                            "currency", currency, "customer_email", email),
                    Arrays.asList(plan.repairOrderGate(repairOrder)), Kind.ACTION);
        }
        plan.summary("email_format_validated");
        plan.summary("amount_" + amount.plain() + "_" + currency + "_validated");
    }

    /** The data a payment link would carry, checked and nothing sent: "would a $75 link to ... be valid?". */
    static void validatePaymentData(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.VALIDATE_PAYMENT;
        Money amount = one(intent, clause.amounts(), "amount", plan);
        String email = one(intent, clause.emails(), "email address", plan);
        if (clause.amounts().size() > 1 || clause.emails().size() > 1) {
            return;
        }
        List<String> repairOrders = clause.repairOrders().stream().filter(ro -> !StepReferences.isReference(ro))
                .toList();
        plan.read(intent, "validate_payment", PAYMENT, "validate_payment_data",
                parameters("repair_order_id", repairOrders.isEmpty() ? null : repairOrders.get(0),
                        "amount", amount == null ? null : amount.value().doubleValue(),
                        "currency", amount == null ? null : amount.currencyOr(DEFAULT_CURRENCY),
                        "customer_email", email));
    }

    /** What the clause names wins: "has RO 1035 been paid, and remind PAY-1009A1" asks about RO 1035. */
    static void checkPaymentStatus(ClauseView clause, PlanBuilder plan) {
        List<String> payments = !clause.own().paymentIds().isEmpty() || clause.own().repairOrderIds().isEmpty()
                ? clause.payments() : List.of();
        if (!payments.isEmpty()) {
            payments.forEach(payment -> plan.read(Intent.PAYMENT_STATUS, "check_payment", PAYMENT,
                    "check_payment_status", parameters("payment_id", payment)));
        } else if (!clause.repairOrders().isEmpty()) {
            clause.repairOrders().stream().filter(ro -> !StepReferences.isReference(ro))
                    .forEach(ro -> plan.read(Intent.PAYMENT_STATUS, "check_payment", PAYMENT,
                            "check_payment_status", parameters("repair_order_id", ro)));
        } else {
            plan.missing(Intent.PAYMENT_STATUS, PAYMENT_ID + " or the repair order number");
        }
    }

    /**
     * A refund needs the payment id: the payment status of a repair order lists several links, and which one to
     * refund is not the planner's guess.
     */
    static void refund(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.REFUND;
        List<String> payments = paymentsOf(intent, clause, plan);
        Money amount = one(intent, clause.amounts(), "amount", plan);
        if (amount == null && clause.amounts().size() > 1) {
            return;
        }
        if (amount == null || amount.value().signum() <= 0) {
            plan.missing(intent, "the amount to refund, greater than 0 (e.g. refund $50)");
            return;
        }
        String reason = TextDetails.refundReason(clause.text());
        for (String payment : payments) {
            plan.action(intent, "refund_payment", PAYMENT, "process_refund",
                    parameters("payment_id", payment, "amount", amount.value().doubleValue(), "reason_code", reason),
                    Arrays.asList(paymentGate(payment, plan)), Kind.DESTRUCTIVE);
        }
        if (!payments.isEmpty()) {
            plan.summary("refund_amount_" + amount.plain() + "_validated");
        }
    }

    static void cancelPaymentLink(ClauseView clause, PlanBuilder plan) {
        for (String payment : paymentsOf(Intent.CANCEL_PAYMENT_LINK, clause, plan)) {
            plan.action(Intent.CANCEL_PAYMENT_LINK, "cancel_payment", PAYMENT, "cancel_payment_link",
                    parameters("payment_id", payment), Arrays.asList(paymentGate(payment, plan)), Kind.DESTRUCTIVE);
        }
    }

    static void notifyPayment(ClauseView clause, PlanBuilder plan) {
        String channel = TextDetails.channel(clause.text());
        String recipient = "email".equals(channel)
                ? clause.own().emails().isEmpty() ? null : clause.own().emails().get(0)
                : TextDetails.phone(clause.text());
        for (String payment : paymentsOf(Intent.PAYMENT_NOTIFICATION, clause, plan)) {
            plan.action(Intent.PAYMENT_NOTIFICATION, "notify_payment", PAYMENT, "send_payment_notification",
                    parameters("payment_id", payment, "channel", channel, "recipient", recipient),
                    Arrays.asList(paymentGate(payment, plan)), Kind.ACTION);
        }
    }

    static void listPaymentMethods(ClauseView clause, PlanBuilder plan) {
        String customer = clause.customer();
        if (customer == null) {
            plan.missing(Intent.PAYMENT_METHODS, "the customer id (e.g. customer ambujmehra)");
            return;
        }
        plan.read(Intent.PAYMENT_METHODS, "payment_methods", PAYMENT, "get_payment_methods",
                parameters("customer_id", customer));
    }

    /** With a quantity the question is "are there N?", without it "how many are there?". */
    static void checkStock(ClauseView clause, PlanBuilder plan) {
        if (clause.ownQuantity() != null && clause.quantity() < 1) {
            plan.missing(Intent.INVENTORY_STOCK, WHOLE_COUNT);
            return;
        }
        for (String sku : clause.skus()) {
            if (clause.ownQuantity() != null) {
                plan.read(Intent.INVENTORY_STOCK, "check_stock", INVENTORY, "check_availability",
                        parameters("sku", sku, "quantity", clause.quantity(), "location", clause.location()));
            } else {
                plan.read(Intent.INVENTORY_STOCK, "inventory", INVENTORY, "get_inventory", parameters("sku", sku));
            }
        }
    }

    static void holdStock(ClauseView clause, PlanBuilder plan) {
        Intent intent = Intent.INVENTORY_HOLD;
        if (!plan.available(intent, INVENTORY, "create_hold")) {
            return;
        }
        int quantity = clause.quantity();
        if (quantity < 1) {
            plan.missing(intent, WHOLE_COUNT);
            return;
        }
        for (String sku : clause.skus()) {
            String checked = plan.validation("check_stock", INVENTORY, "check_availability",
                    parameters("sku", sku, "quantity", quantity, "location", clause.location()),
                    "check_stock_available", "sku_" + sku + "_stock_of_" + quantity + "_confirmed");
            plan.action(intent, "create_hold", INVENTORY, "create_hold", parameters("sku", sku, "quantity", quantity,
                    "location", clause.location(), "ttl", clause.ttlSeconds()), Arrays.asList(checked), Kind.ACTION);
        }
    }

    static void messageSales(ClauseView clause, PlanBuilder plan) {
        plan.action(Intent.SALES_MESSAGE, "sales_message", SALES, "handle_message",
                parameters("message", TextDetails.salesMessage(clause.text())), List.of(), Kind.ACTION);
    }

    /** Gives the parts reserved for a repair order back: the compensation of reserve_parts, asked for in words. */
    static void releaseReservation(ClauseView clause, PlanBuilder plan) {
        List<String> reservations = clause.reservations();
        if (reservations.isEmpty()) {
            plan.missing(Intent.RELEASE_RESERVATION, "the reservation id (e.g. RES-000001)");
        }
        reservations.forEach(reservation -> plan.action(Intent.RELEASE_RESERVATION, "release_reservation",
                PlanBuilder.PARTS, "release_reservation", parameters("reservation_id", reservation), List.of(),
                Kind.DESTRUCTIVE));
    }

    /** Releases a hold (its stock goes back) or commits it (the sale is final). */
    static void settleHold(ClauseView clause, PlanBuilder plan, Intent intent) {
        List<String> holds = clause.holds();
        if (holds.isEmpty()) {
            plan.missing(intent, "the hold id (e.g. hold-3f6c...)");
        }
        boolean commit = intent == Intent.COMMIT_HOLD;
        holds.forEach(hold -> plan.action(intent, commit ? "commit_hold" : "release_hold", INVENTORY,
                commit ? "commit_hold" : "release_hold", parameters("hold_id", hold), List.of(),
                commit ? Kind.ACTION : Kind.DESTRUCTIVE));
    }

    /**
     * The one value an action takes, or null with the question asked when the request names several: which of two
     * amounts a payment link is for is the advisor's to say, not the planner's to guess.
     */
    private static <T> T one(Intent intent, List<T> values, String what, PlanBuilder plan) {
        if (values.size() > 1) {
            plan.missing(intent, "one " + what + ", the request names " + values.size() + " ("
                    + values.stream().map(CommerceSteps::written).collect(Collectors.joining(", ")) + ")");
            return null;
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String written(Object value) {
        return value instanceof Money money ? money.plain() + " " + money.currencyOr(DEFAULT_CURRENCY)
                : value.toString();
    }

    private static List<String> paymentsOf(Intent intent, ClauseView clause, PlanBuilder plan) {
        List<String> payments = clause.payments();
        if (payments.isEmpty()) {
            plan.missing(intent, PAYMENT_ID + (clause.repairOrders().isEmpty() ? ""
                    : "; 'payment status for RO " + clause.repairOrders().get(0) + "' lists the payments of a"
                            + " repair order"));
        }
        return payments;
    }

    private static String paymentGate(String payment, PlanBuilder plan) {
        return plan.validation("check_payment", PAYMENT, "check_payment_status", parameters("payment_id", payment),
                "check_payment_exists", "payment_" + payment + "_status_verified");
    }
}
