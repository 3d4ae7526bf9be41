package com.autoretail.payment;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.testsupport.StubMcpServer;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment agent over HTTP in front of the real payment MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port).
 */
@StubMcpServer("payment")
@SpringBootTest(classes = PaymentAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PaymentAgentHttpTest extends AgentHttpTestSupport {

    /** A new pending link for a repair order; its payment_id. */
    String newLink(String repairOrderId) {
        Reply created = execute("create_payment_link", "{\"repair_order_id\":\"" + repairOrderId
                + "\",\"amount\":100.0,\"currency\":\"USD\",\"customer_email\":\"ambujmehra16@gmail.com\"}");
        assertThat(created.status()).isEqualTo(200);
        return created.body().at("/result/payment_id").asText();
    }

    int paymentCount(String repairOrderId) {
        return execute("check_payment_status", "{\"repair_order_id\":\"" + repairOrderId + "\"}")
                .body().at("/result/payment_count").asInt();
    }
}
