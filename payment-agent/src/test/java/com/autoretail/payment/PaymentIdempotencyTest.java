package com.autoretail.payment;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A payment link is a side effect: the same request_id twice creates one link and replays the first answer. */
class PaymentIdempotencyTest extends PaymentAgentHttpTest {

    @Test
    void createsOneLinkWhenTheSameRequestIsSentTwice() {
        int before = paymentCount("1005");

        Reply first = executeTwice(stepRequestId("create_payment_1"), "create_payment_link",
                "{\"repair_order_id\":\"1005\",\"amount\":100.0,\"currency\":\"USD\","
                        + "\"customer_email\":\"ambujmehra16@gmail.com\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/result/payment_id").asText()).isNotEmpty();
        assertThat(paymentCount("1005")).as("one payment link").isEqualTo(before + 1);
    }

    @Test
    void replaysARefusalWithoutAskingAgain() {
        Reply first = executeTwice(stepRequestId("refund_1"), "process_refund",
                "{\"payment_id\":\"PAY-1008E5\",\"amount\":10,\"reason_code\":\"goodwill\"}");
        assertThat(first.text("error_code")).as("a pending link has nothing to refund").isEqualTo("CONFLICT");
    }
}
