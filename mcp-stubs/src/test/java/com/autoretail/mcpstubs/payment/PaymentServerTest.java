package com.autoretail.mcpstubs.payment;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.autoretail.mcpstubs.McpTestClient;
import com.autoretail.mcpstubs.RunningStubs;
import com.autoretail.mcpstubs.ToolAssertions;

import static com.autoretail.mcpstubs.ToolAssertions.details;
import static com.autoretail.mcpstubs.ToolAssertions.hinted;
import static com.autoretail.mcpstubs.ToolAssertions.list;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentServerTest {

    @AutoClose
    private static final McpTestClient payment = McpTestClient.connect(RunningStubs.payment(),
            McpTestClient.paymentHeaders("TENANT_AUTOMOTIVE_RETAIL"));

    @Test
    void listsEveryPaymentToolWithItsParametersAndHints() {
        Map<String, Tool> tools = ToolAssertions.assertTools(payment.tools(),
                "create_payment_link(repair_order_id, amount, customer_email; currency)",
                "check_payment_status(; payment_id, repair_order_id)",
                "process_refund(payment_id, amount, reason_code)",
                "send_payment_notification(payment_id, channel; recipient)",
                "get_payment_methods(customer_id)",
                "cancel_payment_link(payment_id)",
                "simulate_payment(payment_id; amount)");

        assertThat(hinted(tools, ToolAnnotations::readOnlyHint))
            .containsExactlyInAnyOrder("check_payment_status", "get_payment_methods");
        assertThat(hinted(tools, ToolAnnotations::destructiveHint))
            .containsExactlyInAnyOrder("cancel_payment_link", "process_refund");
        assertThat(hinted(tools, ToolAnnotations::idempotentHint)).contains("cancel_payment_link");
        assertThat(tools.get("simulate_payment").description()).startsWith("SIMULATION HOOK");
        assertThat(tools.get("create_payment_link").inputSchema().properties().get("amount"))
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("type", "number");
    }

    @Test
    void createsAPaymentLinkWithTheRepairOrderAsInvoice() {
        Map<String, Object> link = payment.ok("create_payment_link", Map.of("repair_order_id", "1234", "amount", 100.0,
                "currency", "USD", "customer_email", "ambujmehra16@gmail.com"));

        assertThat(link).containsEntry("repair_order_id", "1234")
            .containsEntry("invoice_number", "1234")
            .containsEntry("amount", 100.0)
            .containsEntry("currency", "USD")
            .containsEntry("customer_email", "ambujmehra16@gmail.com")
            .containsEntry("sent_to", "ambujmehra16@gmail.com")
            .containsEntry("status", "pending");
        assertThat((String) link.get("payment_id")).startsWith("PAY-");
        assertThat((String) link.get("payment_link"))
            .isEqualTo("https://pay.autoretail.example/" + link.get("payment_id"));
        assertThat((String) link.get("expiry_date")).isGreaterThan((String) link.get("created_at"));
        assertThat(payment.ok("create_payment_link", Map.of("repair_order_id", "RO-1005", "amount", "45.5",
                "customer_email", "ava.martinez@example.com"))).containsEntry("currency", "USD")
            .containsEntry("amount", 45.5)
            .containsEntry("invoice_number", "1005");
    }

    @Test
    void refusesANonPositiveAmountAndMalformedInput() {
        String email = "ambujmehra16@gmail.com";
        assertThat(invalidLinkField(Map.of("repair_order_id", "1234", "amount", 0, "customer_email", email)))
            .isEqualTo("amount");
        assertThat(invalidLinkField(Map.of("repair_order_id", "1234", "amount", -5, "customer_email", email)))
            .isEqualTo("amount");
        assertThat(invalidLinkField(Map.of("repair_order_id", "1234", "amount", "lots", "customer_email", email)))
            .isEqualTo("amount");
        assertThat(invalidLinkField(Map.of("repair_order_id", "1234", "amount", 10, "customer_email", "not-an-email")))
            .isEqualTo("customer_email");
        assertThat(invalidLinkField(Map.of("repair_order_id", "the blue car", "amount", 10, "customer_email", email)))
            .isEqualTo("repair_order_id");
        assertThat(invalidLinkField(Map.of("repair_order_id", "1234", "amount", 10, "currency", "DOLLARS",
                "customer_email", email))).isEqualTo("currency");
    }

    @Test
    void refusesAPaymentLinkForACancelledRepairOrder() {
        Map<String, Object> error = payment.refused("create_payment_link", Map.of("repair_order_id", "1012",
                "amount", 50, "customer_email", "william.anderson@example.com"), "CONFLICT");

        assertThat(details(error)).containsEntry("repair_order_status", "cancelled");
    }

    @Test
    void reportsTheStatusOfAPaymentAndOfARepairOrdersPayments() {
        assertThat(payment.ok("check_payment_status", Map.of("payment_id", "PAY-1009A1")))
            .containsEntry("status", "paid")
            .containsEntry("amount_paid", 412.4)
            .containsKeys("payment_date", "transaction_id");

        Map<String, Object> order = payment.ok("check_payment_status", Map.of("repair_order_id", "1009"));
        assertThat(order).containsEntry("status", "paid").containsEntry("payment_count", 1);
        assertThat(ToolAssertions.values(order, "payments", "payment_id")).containsExactly("PAY-1009A1");
        assertThat(payment.ok("check_payment_status", Map.of("repair_order_id", "1003")))
            .containsEntry("status", "none")
            .containsEntry("payments", List.of());
        payment.refused("check_payment_status", Map.of(), "VALIDATION_ERROR");
        payment.refused("check_payment_status", Map.of("payment_id", "PAY-NOPE"), "NOT_FOUND");
    }

    @Test
    void simulatedPaymentMarksTheLinkPaid() {
        String id = newLink(250);

        Map<String, Object> partly = payment.ok("simulate_payment", Map.of("payment_id", id, "amount", 100));
        assertThat(partly).containsEntry("status", "pending").containsEntry("amount_paid", 100.0);
        Map<String, Object> paid = payment.ok("simulate_payment", Map.of("payment_id", id));

        assertThat(paid).containsEntry("status", "paid").containsEntry("amount_paid", 250.0);
        assertThat((String) paid.get("transaction_id")).startsWith("TXN-");
        assertThat(payment.ok("check_payment_status", Map.of("payment_id", id))).containsEntry("status", "paid")
            .containsKey("payment_date");
        payment.refused("simulate_payment", Map.of("payment_id", id), "CONFLICT");
        payment.refused("simulate_payment", Map.of("payment_id", "PAY-1007DA"), "CONFLICT");
    }

    @Test
    void cancelledLinkCannotBePaidAndCancellingAgainChangesNothing() {
        String id = newLink(80);

        assertThat(payment.ok("cancel_payment_link", Map.of("payment_id", id))).containsEntry("status", "cancelled")
            .containsEntry("cancelled", true)
            .containsEntry("already_cancelled", false);
        assertThat(details(payment.refused("simulate_payment", Map.of("payment_id", id), "CONFLICT")))
            .containsEntry("current_status", "cancelled");
        assertThat(payment.ok("cancel_payment_link", Map.of("payment_id", id))).containsEntry("cancelled", false)
            .containsEntry("already_cancelled", true);
        payment.refused("cancel_payment_link", Map.of("payment_id", "PAY-1010B2"), "CONFLICT");
    }

    @Test
    void refundsNeverExceedWhatWasPaid() {
        String id = newLink(200);
        payment.ok("simulate_payment", Map.of("payment_id", id));

        Map<String, Object> partial = payment.ok("process_refund", Map.of("payment_id", id, "amount", 50, "reason_code",
                "overcharge"));
        assertThat(partial).containsEntry("payment_status", "partially_refunded")
            .containsEntry("refundable_amount", 150.0)
            .containsEntry("status", "processed");
        assertThat(details(payment.refused("process_refund", Map.of("payment_id", id, "amount", 200, "reason_code",
                "customer_request"), "CONFLICT"))).containsEntry("refundable_amount", 150.0);
        assertThat(payment.ok("process_refund", Map.of("payment_id", id, "amount", 150, "reason_code", "goodwill")))
            .containsEntry("payment_status", "refunded")
            .containsEntry("refunded_amount", 200.0);
        payment.refused("process_refund", Map.of("payment_id", id, "amount", 1, "reason_code", "other"), "CONFLICT");
        assertThat(payment.ok("check_payment_status", Map.of("payment_id", id))).containsEntry("status", "refunded");
        assertThat(list(payment.ok("check_payment_status", Map.of("payment_id", id)).get("refunds"))).hasSize(2);
    }

    @Test
    void refusesARefundOfAnUnpaidPaymentOrWithoutAKnownReason() {
        String id = newLink(60);

        payment.refused("process_refund", Map.of("payment_id", id, "amount", 10, "reason_code", "customer_request"),
                "CONFLICT");
        assertThat(details(payment.refused("process_refund", Map.of("payment_id", "PAY-1009A1", "amount", 10,
                "reason_code", "because"), "VALIDATION_ERROR"))).containsEntry("field", "reason_code");
        payment.refused("process_refund", Map.of("payment_id", "PAY-1009A1", "amount", 0, "reason_code", "other"),
                "VALIDATION_ERROR");
    }

    @Test
    void sendsPaymentNotificationsByEmailAndSms() {
        String id = newLink(120);

        assertThat(payment.ok("send_payment_notification", Map.of("payment_id", id, "channel", "email")))
            .containsEntry("recipient", "ambujmehra16@gmail.com")
            .containsEntry("status", "sent")
            .containsEntry("simulated", true);
        assertThat(payment.ok("send_payment_notification", Map.of("payment_id", id, "channel", "SMS")))
            .containsEntry("channel", "sms")
            .containsEntry("recipient", "+1-555-0100");
        assertThat(payment.ok("send_payment_notification", Map.of("payment_id", id, "channel", "sms", "recipient",
                "+1 555 0199"))).containsEntry("recipient", "+1 555 0199");
        payment.refused("send_payment_notification", Map.of("payment_id", id, "channel", "pigeon"), "VALIDATION_ERROR");
        payment.refused("send_payment_notification", Map.of("payment_id", "PAY-1012C9", "channel", "email"),
                "CONFLICT");
        String stranger = (String) payment.ok("create_payment_link", Map.of("repair_order_id", "1001", "amount", 10,
                "customer_email", "walk-in@example.org")).get("payment_id");
        payment.refused("send_payment_notification", Map.of("payment_id", stranger, "channel", "sms"),
                "VALIDATION_ERROR");
    }

    @Test
    void listsACustomersPaymentMethods() {
        Map<String, Object> methods = payment.ok("get_payment_methods", Map.of("customer_id", "ambujmehra"));

        assertThat(methods).containsEntry("customer_id", "ambujmehra").containsEntry("default_method_id", "PM-AMB-1");
        assertThat(ToolAssertions.values(methods, "payment_methods", "type")).containsExactly("card", "wallet");
        assertThat(ToolAssertions.values(methods, "payment_methods", "is_default")).containsExactly(true, false);
        payment.refused("get_payment_methods", Map.of("customer_id", "NOBODY"), "NOT_FOUND");
    }

    private static Object invalidLinkField(Map<String, Object> arguments) {
        return details(payment.refused("create_payment_link", arguments, "VALIDATION_ERROR")).get("field");
    }

    private static String newLink(int amount) {
        return (String) payment.ok("create_payment_link", Map.of("repair_order_id", "1234", "amount", amount,
                "customer_email", "ambujmehra16@gmail.com")).get("payment_id");
    }

}
