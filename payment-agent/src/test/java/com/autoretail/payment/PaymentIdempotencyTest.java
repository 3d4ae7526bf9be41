package com.autoretail.payment;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A payment link is a side effect: the same request_id twice creates one link and replays the first answer. */
class PaymentIdempotencyTest extends PaymentAgentHttpTest {

    @Test
    void createsOneLinkWhenTheSameRequestIsSentTwice() {
        String requestId = "wf_" + UUID.randomUUID() + ":create_payment_1";
        String parameters = "{\"repair_order_id\":\"1005\",\"amount\":100.0,\"currency\":\"USD\","
                + "\"customer_email\":\"ambujmehra16@gmail.com\"}";
        int before = paymentCount("1005");

        Reply first = execute(requestId, "create_payment_link", parameters);
        Reply second = execute(requestId, "create_payment_link", parameters);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(first.body().at("/metadata/replayed").asBoolean()).isFalse();
        assertThat(second.body().at("/metadata/replayed").asBoolean()).isTrue();
        assertThat(second.body().at("/result/payment_id").asText())
                .isEqualTo(first.body().at("/result/payment_id").asText());
        assertThat(paymentCount("1005")).as("one payment link").isEqualTo(before + 1);
    }

    @Test
    void replaysARefusalWithoutAskingAgain() {
        String requestId = "wf_" + UUID.randomUUID() + ":refund_1";
        String parameters = "{\"payment_id\":\"PAY-1008E5\",\"amount\":10,\"reason_code\":\"goodwill\"}";
        Reply first = execute(requestId, "process_refund", parameters);
        Reply second = execute(requestId, "process_refund", parameters);
        assertThat(first.text("error_code")).as("a pending link has nothing to refund").isEqualTo("CONFLICT");
        assertThat(second.text("error_code")).isEqualTo("CONFLICT");
        assertThat(second.body().at("/metadata/replayed").asBoolean()).isTrue();
    }
}
