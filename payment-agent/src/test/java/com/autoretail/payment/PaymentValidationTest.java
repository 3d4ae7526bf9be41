package com.autoretail.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its field, before any call to
 * the payment system (the agent's message, "Invalid parameters for ...", and its {@code result.errors}; the
 * ledger shows no new link).
 */
class PaymentValidationTest extends PaymentAgentHttpTest {

    private static final String EMAIL = "\"customer_email\":\"ambujmehra16@gmail.com\"";

    @Test
    void refusesEachBadFieldOfAPaymentLinkAndCreatesNothing() {
        int before = paymentCount("1006");
        assertInvalidParameters("create_payment_link", "{\"repair_order_id\":\"1006\",\"amount\":100}",
                "customer_email");
        assertInvalidParameters("create_payment_link",
                "{\"repair_order_id\":\"1006\",\"amount\":100,\"customer_email\":\"not-an-email\"}", "customer_email");
        assertInvalidParameters("create_payment_link",
                "{\"repair_order_id\":\"1006\",\"amount\":100,\"customer_email\":\"ambuj@localhost\"}",
                "customer_email");
        assertInvalidParameters("create_payment_link", "{\"repair_order_id\":\"1006\",\"amount\":0," + EMAIL + "}",
                "amount");
        assertInvalidParameters("create_payment_link", "{\"repair_order_id\":\"1006\",\"amount\":-5," + EMAIL + "}",
                "amount");
        assertInvalidParameters("create_payment_link", "{\"repair_order_id\":\"1006\",\"amount\":10.005," + EMAIL + "}",
                "amount");
        assertInvalidParameters("create_payment_link",
                "{\"repair_order_id\":\"1006\",\"amount\":\"lots\"," + EMAIL + "}", "amount");
        assertInvalidParameters("create_payment_link",
                "{\"repair_order_id\":\"1006\",\"amount\":100,\"currency\":\"usd\"," + EMAIL + "}", "currency");
        assertInvalidParameters("create_payment_link",
                "{\"repair_order_id\":\"1006\",\"amount\":100,\"currency\":\"ABC\"," + EMAIL + "}", "currency");
        assertInvalidParameters("create_payment_link", "{\"repair_order_id\":\"12ab\",\"amount\":100," + EMAIL + "}",
                "repair_order_id");
        assertInvalidParameters("create_payment_link",
                "{\"repair_order_id\":\"1006\",\"amount\":0,\"currency\":\"usd\",\"customer_email\":\"x\"}",
                "amount", "currency", "customer_email");
        assertThat(paymentCount("1006")).isEqualTo(before);
    }

    @Test
    void needsAPaymentOrARepairOrderToCheckAStatus() {
        assertInvalidParameters("check_payment_status", "{}", "payment_id", "repair_order_id");
        assertInvalidParameters("check_payment_status", "{\"repair_order_id\":\"R2D2\"}", "repair_order_id");
    }

    @Test
    void refusesARefundWithoutAKnownReasonOrAPositiveAmount() {
        assertInvalidParameters("process_refund",
                "{\"payment_id\":\"PAY-1009A1\",\"amount\":10,\"reason_code\":\"because\"}", "reason_code");
        assertInvalidParameters("process_refund",
                "{\"payment_id\":\"PAY-1009A1\",\"amount\":0,\"reason_code\":\"goodwill\"}", "amount");
        assertInvalidParameters("process_refund",
                "{\"payment_id\":\"PAY-1009A1\",\"amount\":1.001,\"reason_code\":\"goodwill\"}", "amount");
        assertInvalidParameters("process_refund", "{\"amount\":10}", "payment_id", "reason_code");
    }

    @Test
    void refusesANotificationOnAnUnknownChannelOrToAnUnfitRecipient() {
        assertInvalidParameters("send_payment_notification", "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"fax\"}",
                "channel");
        assertInvalidParameters("send_payment_notification",
                "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"email\",\"recipient\":\"+1 555 0100\"}", "recipient");
        assertInvalidParameters("send_payment_notification",
                "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"sms\",\"recipient\":\"someone@example.com\"}",
                "recipient");
    }

    @Test
    void requiresTheIdsOfTheOtherOperations() {
        assertInvalidParameters("get_payment_methods", "{}", "customer_id");
        assertInvalidParameters("cancel_payment_link", "{\"payment_id\":\"\"}", "payment_id");
        assertInvalidParameters("cancel_payment_link", "{}", "payment_id");
        assertInvalidParameters("simulate_payment", "{\"payment_id\":\"PAY-1008E5\",\"amount\":-1}", "amount");
    }
}
