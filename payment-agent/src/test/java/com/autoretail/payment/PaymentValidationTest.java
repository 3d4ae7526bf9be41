package com.autoretail.payment;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its field, before any call to
 * the payment system (the agent's message, "Invalid parameters for ...", and its {@code result.errors}; the
 * ledger shows no new link).
 */
class PaymentValidationTest extends PaymentAgentHttpTest {

    private static final String EMAIL = "\"customer_email\":\"ambujmehra16@gmail.com\"";

    private void assertRefused(Reply reply, String operation, String... fields) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).startsWith("Invalid parameters for " + operation);
        assertThat(reply.body().at("/result/errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    private Reply create(String parameters) {
        return execute("create_payment_link", parameters);
    }

    @Test
    void refusesEachBadFieldOfAPaymentLinkAndCreatesNothing() {
        int before = paymentCount("1006");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":100}"), "create_payment_link", "customer_email");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":100,\"customer_email\":\"not-an-email\"}"),
                "create_payment_link", "customer_email");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":100,\"customer_email\":\"ambuj@localhost\"}"),
                "create_payment_link", "customer_email");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":0," + EMAIL + "}"), "create_payment_link", "amount");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":-5," + EMAIL + "}"), "create_payment_link", "amount");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":10.005," + EMAIL + "}"),
                "create_payment_link", "amount");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":\"lots\"," + EMAIL + "}"),
                "create_payment_link", "amount");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":100,\"currency\":\"usd\"," + EMAIL + "}"),
                "create_payment_link", "currency");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":100,\"currency\":\"ABC\"," + EMAIL + "}"),
                "create_payment_link", "currency");
        assertRefused(create("{\"repair_order_id\":\"12ab\",\"amount\":100," + EMAIL + "}"),
                "create_payment_link", "repair_order_id");
        assertRefused(create("{\"repair_order_id\":\"1006\",\"amount\":0,\"currency\":\"usd\",\"customer_email\":\"x\"}"),
                "create_payment_link", "amount", "currency", "customer_email");
        assertThat(paymentCount("1006")).isEqualTo(before);
    }

    @Test
    void needsAPaymentOrARepairOrderToCheckAStatus() {
        assertRefused(execute("check_payment_status", "{}"), "check_payment_status", "payment_id", "repair_order_id");
        assertRefused(execute("check_payment_status", "{\"repair_order_id\":\"R2D2\"}"),
                "check_payment_status", "repair_order_id");
    }

    @Test
    void refusesARefundWithoutAKnownReasonOrAPositiveAmount() {
        assertRefused(execute("process_refund", "{\"payment_id\":\"PAY-1009A1\",\"amount\":10,\"reason_code\":\"because\"}"),
                "process_refund", "reason_code");
        assertRefused(execute("process_refund", "{\"payment_id\":\"PAY-1009A1\",\"amount\":0,\"reason_code\":\"goodwill\"}"),
                "process_refund", "amount");
        assertRefused(execute("process_refund", "{\"payment_id\":\"PAY-1009A1\",\"amount\":1.001,\"reason_code\":\"goodwill\"}"),
                "process_refund", "amount");
        assertRefused(execute("process_refund", "{\"amount\":10}"), "process_refund", "payment_id", "reason_code");
    }

    @Test
    void refusesANotificationOnAnUnknownChannelOrToAnUnfitRecipient() {
        assertRefused(execute("send_payment_notification", "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"fax\"}"),
                "send_payment_notification", "channel");
        assertRefused(execute("send_payment_notification",
                "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"email\",\"recipient\":\"+1 555 0100\"}"),
                "send_payment_notification", "recipient");
        assertRefused(execute("send_payment_notification",
                "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"sms\",\"recipient\":\"someone@example.com\"}"),
                "send_payment_notification", "recipient");
    }

    @Test
    void requiresTheIdsOfTheOtherOperations() {
        assertRefused(execute("get_payment_methods", "{}"), "get_payment_methods", "customer_id");
        assertRefused(execute("cancel_payment_link", "{\"payment_id\":\"\"}"), "cancel_payment_link", "payment_id");
        assertRefused(execute("cancel_payment_link", "{}"), "cancel_payment_link", "payment_id");
        assertRefused(execute("simulate_payment", "{\"payment_id\":\"PAY-1008E5\",\"amount\":-1}"),
                "simulate_payment", "amount");
    }
}
