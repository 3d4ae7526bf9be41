package com.autoretail.payment;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.testsupport.AgentTestStub;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment agent over HTTP in front of the real payment MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port).
 */
@SpringBootTest(classes = PaymentAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PaymentAgentHttpTest {

    static final AgentTestStub STUB = new AgentTestStub("payment");

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        STUB.agentSettings(registry);
    }

    @LocalServerPort
    int port;

    HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
        awaitMcpUp();
    }

    void awaitMcpUp() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/health").status() == 200);
    }

    static void stopStub() {
        STUB.stop();
    }

    static void startStubAgain() {
        STUB.restart();
    }

    Reply execute(String operation, String parameters) {
        return http.execute(operation, parameters);
    }

    Reply execute(String requestId, String operation, String parameters) {
        return http.execute(requestId, operation, parameters);
    }

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
