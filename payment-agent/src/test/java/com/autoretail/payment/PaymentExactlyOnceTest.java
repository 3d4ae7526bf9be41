package com.autoretail.payment;

import com.autoretail.common.idempotency.Fingerprint;
import com.autoretail.common.idempotency.IdempotencyStore;
import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.mcpstubs.McpStubs;
import com.autoretail.mcpstubs.McpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one payment link per request, whatever the timeouts, retries and crashes: the payment agent (its claims in
 * Redis) in front of a payment MCP server that answers side effects {@link #DELAY} late, later than the agent's
 * timeout. Links are counted in the stub's ledger.
 */
@SpringBootTest(classes = PaymentAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentExactlyOnceTest extends AgentHttpTestSupport {

    private static final Duration DELAY = Duration.ofMillis(2500);
    private static final int AGENT_TIMEOUT_SECONDS = 1;

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:payment-once");

    static final ConfigurableApplicationContext slowPayment = McpStubs.start("payment", 0,
            "--stubs.side-effect-delay=" + DELAY.toMillis() + "ms");

    @Autowired
    IdempotencyStore idempotency;

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        mcpAgentSettings(registry, () -> McpStubs.endpoint(slowPayment));
        registry.add("agent.idempotency.store", () -> "redis");
        registry.add("agent.idempotency.redis-key-prefix", REDIS::prefix);
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @AfterAll
    static void stopTheStub() {
        slowPayment.close();
    }

    @Test
    void aSlowDealerSystemBehindTimeoutsAndRetriesGetsOneLink() {
        String requestId = "wf-" + UUID.randomUUID() + ":create_payment_1";
        String body = HttpJson.json(Map.of("request_id", requestId, "operation", "create_payment_link",
                "parameters", link("1006", 100.0), "timeout", AGENT_TIMEOUT_SECONDS));
        int before = paymentCount("1006");

        long start = System.nanoTime();
        Reply first = http.post("/execute", body);
        double firstSeconds = secondsSince(start);
        // the orchestrator's way: retry a retryable answer with the same request_id
        List<Reply> retries = new ArrayList<>();
        Reply last = first;
        while (retries.size() < 6 && !last.body().path("success").asBoolean()) {
            last = http.post("/execute", body);
            retries.add(last);
        }
        double settledSeconds = secondsSince(start);

        assertThat(first.status()).isEqualTo(504);
        assertThat(first.text("error_code")).isEqualTo("TIMEOUT");
        assertThat(firstSeconds).isLessThan(AGENT_TIMEOUT_SECONDS + 0.8);
        Reply inProgress = retries.getFirst();
        assertThat(inProgress.status()).as("the first retry comes while the link is being made").isEqualTo(409);
        assertThat(inProgress.text("error_code")).isEqualTo("IN_PROGRESS");
        assertThat(retries.subList(0, retries.size() - 1))
                .allSatisfy(retry -> assertThat(retry.text("error_code")).isEqualTo("IN_PROGRESS"));
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().at("/metadata/replayed").asBoolean()).isTrue();
        String paymentId = last.body().at("/result/payment_id").asText();
        assertThat(paymentId).startsWith("PAY-");
        assertThat(settledSeconds).isGreaterThanOrEqualTo(DELAY.toMillis() / 1000.0);
        assertThat(paymentCount("1006")).as("one link in the dealer system").isEqualTo(before + 1);

        Reply later = http.post("/execute", body);
        assertThat(later.body().at("/result/payment_id").asText()).isEqualTo(paymentId);
        assertThat(paymentCount("1006")).isEqualTo(before + 1);
        System.out.printf("slow MCP: first answer %.2f s (TIMEOUT), %d retries, link replayed after %.2f s%n",
                firstSeconds, retries.size(), settledSeconds);
    }

    @Test
    void aClaimWhoseOwnerDiedIsTakenOverAndTheDealerSystemAnswersTheFirstLink() {
        String requestId = "wf-" + UUID.randomUUID() + ":create_payment_1";
        Map<String, Object> parameters = link("1009", 55.5);
        int before = paymentCount("1009");
        // an agent claimed the request, sent the tool call (which acted) and died before it could complete the claim
        idempotency.claim(requestId, "create_payment_link", Fingerprint.of("create_payment_link", parameters),
                "a-dead-agent", Duration.ofMillis(1), Duration.ofHours(1));
        String sentByTheDeadAgent;
        try (McpTestClient deadAgent = McpTestClient.connect(slowPayment,
                McpTestClient.paymentHeaders("TENANT_AUTOMOTIVE_RETAIL"))) {
            sentByTheDeadAgent = (String) deadAgent.call("create_payment_link", parameters, requestId).json()
                    .get("payment_id");
        }
        assertThat(paymentCount("1009")).isEqualTo(before + 1);

        Reply reply = http.post("/execute", HttpJson.json(Map.of("request_id", requestId,
                "operation", "create_payment_link", "parameters", parameters, "timeout", 10)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/result/payment_id").asText()).as("the dead agent's link")
                .isEqualTo(sentByTheDeadAgent);
        assertThat(paymentCount("1009")).as("still one link").isEqualTo(before + 1);
        assertThat(idempotency.find(requestId).orElseThrow().completed()).isTrue();
    }

    @Test
    void theSameRequestIdForAnotherAmountIsRefusedAndMakesNoLink() {
        String requestId = "wf-" + UUID.randomUUID() + ":create_payment_1";
        Reply first = http.post("/execute", HttpJson.json(Map.of("request_id", requestId,
                "operation", "create_payment_link", "parameters", link("1010", 40.0), "timeout", 10)));
        int afterFirst = paymentCount("1010");

        Reply other = http.post("/execute", HttpJson.json(Map.of("request_id", requestId,
                "operation", "create_payment_link", "parameters", link("1010", 400.0), "timeout", 10)));

        assertThat(first.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().path("success").asBoolean()).isFalse();
        assertThat(other.text("error_code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.body().at("/result/payment_id").isMissingNode()).isTrue();
        assertThat(paymentCount("1010")).as("no second link").isEqualTo(afterFirst);
    }

    private static Map<String, Object> link(String repairOrderId, double amount) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("repair_order_id", repairOrderId);
        parameters.put("amount", amount);
        parameters.put("currency", "USD");
        parameters.put("customer_email", "ambujmehra16@gmail.com");
        return parameters;
    }

    private int paymentCount(String repairOrderId) {
        Reply status = execute("check_payment_status", "{\"repair_order_id\":\"" + repairOrderId + "\"}");
        assertThat(status.status()).isEqualTo(200);
        return status.body().at("/result/payment_count").asInt();
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
