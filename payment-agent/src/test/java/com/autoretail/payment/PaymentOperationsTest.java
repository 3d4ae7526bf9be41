package com.autoretail.payment;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operation's happy path over {@code /execute}, against the payment stub's seeded ledger. */
class PaymentOperationsTest extends PaymentAgentHttpTest {

    @Test
    void createsAPaymentLinkForARepairOrderWithItsNumberAsInvoiceNumber() {
        JsonNode link = assertSucceeded(execute("create_payment_link", "{\"repair_order_id\":\"1234\",\"amount\":100.0,"
                + "\"currency\":\"USD\",\"customer_email\":\"ambujmehra16@gmail.com\"}"), "mcp");
        assertThat(link.path("payment_id").asText()).isNotEmpty();
        assertThat(link.path("payment_link").asText()).startsWith("http");
        assertThat(link.path("invoice_number").asText()).isEqualTo("1234");
        assertThat(link.path("sent_to").asText()).isEqualTo("ambujmehra16@gmail.com");
        assertThat(link.path("status").asText()).isEqualTo("pending");
        assertThat(link.path("amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(link.path("expiry_date").asText()).isNotEmpty();
    }

    @Test
    void checksPaymentStatusByPaymentOrByRepairOrder() {
        Reply byPayment = execute("check_payment_status", "{\"payment_id\":\"PAY-1009A1\"}");
        assertThat(byPayment.status()).isEqualTo(200);
        assertThat(byPayment.body().at("/result/status").asText()).isEqualTo("paid");
        assertThat(byPayment.body().at("/result/transaction_id").asText()).isNotEmpty();

        Reply byRepairOrder = execute("check_payment_status", "{\"repair_order_id\":\"1009\"}");
        assertThat(byRepairOrder.status()).isEqualTo(200);
        assertThat(byRepairOrder.body().at("/result/payment_count").asInt()).isPositive();

        Reply unknown = execute("check_payment_status", "{\"payment_id\":\"PAY-NOPE\"}");
        assertFailed(unknown, 404, "NOT_FOUND");
    }

    @Test
    void paysAndRefundsWithinWhatWasPaid() {
        String paymentId = newLink("1003");
        Reply paid = execute("simulate_payment", "{\"payment_id\":\"" + paymentId + "\"}");
        assertThat(paid.body().at("/result/status").asText()).isEqualTo("paid");

        Reply refund = execute("process_refund",
                "{\"payment_id\":\"" + paymentId + "\",\"amount\":25.5,\"reason_code\":\"goodwill\"}");
        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.body().at("/result/status").asText()).isEqualTo("processed");
        assertThat(refund.body().at("/result/refundable_amount").decimalValue()).isEqualByComparingTo("74.50");

        Reply tooMuch = execute("process_refund",
                "{\"payment_id\":\"" + paymentId + "\",\"amount\":500,\"reason_code\":\"overcharge\"}");
        assertFailed(tooMuch, 409, "CONFLICT");
        assertThat(tooMuch.body().at("/result/refundable_amount").decimalValue()).isEqualByComparingTo("74.50");
    }

    @Test
    void sendsANotificationToTheLinksCustomer() {
        Reply reply = execute("send_payment_notification", "{\"payment_id\":\"PAY-1008E5\",\"channel\":\"email\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/status").asText()).isEqualTo("sent");
        assertThat(reply.body().at("/result/recipient").asText()).contains("@");
    }

    @Test
    void readsACustomersPaymentMethods() {
        Reply reply = execute("get_payment_methods", "{\"customer_id\":\"ambujmehra\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/payment_methods").size()).isPositive();
    }

    @Test
    void cancelsALinkAsTheCompensationOfCreatingIt() {
        String paymentId = newLink("1234");
        Reply cancelled = execute("cancel_payment_link", "{\"payment_id\":\"" + paymentId + "\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().at("/result/cancelled").asBoolean()).isTrue();
        assertThat(execute("check_payment_status", "{\"payment_id\":\"" + paymentId + "\"}")
                .body().at("/result/status").asText()).isEqualTo("cancelled");

        Reply paidLink = execute("cancel_payment_link", "{\"payment_id\":\"PAY-1010B2\"}");
        assertFailed(paidLink, 409, "CONFLICT");
    }

    @Test
    void validatesPaymentDataLocallyReturningEveryError() {
        Reply valid = execute("validate_payment_data",
                "{\"repair_order_id\":\"RO-1234\",\"amount\":100.0,\"currency\":\"USD\",\"customer_email\":\"ambujmehra16@gmail.com\"}");
        assertSucceeded(valid, "local");
        assertThat(valid.body().at("/result/valid").asBoolean()).isTrue();
        assertThat(valid.body().at("/result/errors")).isEmpty();

        Reply invalid = execute("validate_payment_data",
                "{\"repair_order_id\":\"12x\",\"amount\":10.005,\"currency\":\"ABC\",\"customer_email\":\"ambuj@\"}");
        assertThat(invalid.status()).as("invalid data is a successful check").isEqualTo(200);
        assertThat(invalid.body().path("success").asBoolean()).isTrue();
        assertThat(invalid.body().at("/result/valid").asBoolean()).isFalse();
        assertThat(invalid.body().at("/result/errors").findValuesAsText("field"))
                .containsExactly("repair_order_id", "amount", "currency", "customer_email");
        assertThat(invalid.body().at("/result/errors/1/message").asText()).contains("at most 2 decimals");
        assertThat(invalid.body().at("/result/errors/2/message").asText()).contains("not an ISO-4217");

        Reply empty = execute("validate_payment_data", "{\"amount\":0,\"currency\":\"usd\"}");
        assertThat(empty.body().at("/result/errors").findValuesAsText("field"))
                .containsExactly("repair_order_id", "amount", "currency", "customer_email");
    }
}
