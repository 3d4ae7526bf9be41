package com.autoretail.payment;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The payment MCP server stops mid-test: UPSTREAM_UNAVAILABLE at once, then recovery on the same port. */
class PaymentMcpRecoveryTest extends PaymentAgentHttpTest {

    @Test
    void answersUnavailableFastWhileTheServerIsDownAndRecoversWhenItIsBack() {
        stopStub();
        try {
            long start = System.nanoTime();
            Reply down = execute("check_payment_status", "{\"payment_id\":\"PAY-1009A1\"}");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.text("error_code")).isEqualTo("UPSTREAM_UNAVAILABLE");
            await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/health").status() == 503);
            assertThat(execute("validate_payment_data", "{\"repair_order_id\":\"1234\",\"amount\":100,"
                    + "\"customer_email\":\"ambujmehra16@gmail.com\"}").body().at("/result/valid").asBoolean())
                    .as("the local validation needs no payment system").isTrue();
        } finally {
            startStubAgain();
        }
        awaitHealthy();
        assertThat(execute("check_payment_status", "{\"payment_id\":\"PAY-1009A1\"}").status()).isEqualTo(200);
    }
}
