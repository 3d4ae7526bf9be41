package com.autoretail.payment;

import com.autoretail.mcpstubs.testsupport.AgentTestStub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The payment MCP server stops mid-test: UPSTREAM_UNAVAILABLE at once, then recovery on the same port. */
class PaymentMcpRecoveryTest extends PaymentAgentHttpTest {

    @Test
    void answersUnavailableFastWhileTheServerIsDownAndRecoversWhenItIsBack() {
        AgentTestStub.running("payment").whileStopped(() -> {
            assertUnavailableFast("check_payment_status", "{\"payment_id\":\"PAY-1009A1\"}");
            awaitDown();
            assertThat(execute("validate_payment_data", "{\"repair_order_id\":\"1234\",\"amount\":100,"
                    + "\"customer_email\":\"ambujmehra16@gmail.com\"}").body().at("/result/valid").asBoolean())
                    .as("the local validation needs no payment system").isTrue();
        });
        awaitHealthy();
        assertThat(execute("check_payment_status", "{\"payment_id\":\"PAY-1009A1\"}").status()).isEqualTo(200);
    }
}
