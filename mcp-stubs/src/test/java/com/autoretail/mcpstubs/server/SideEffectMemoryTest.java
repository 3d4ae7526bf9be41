package com.autoretail.mcpstubs.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.autoretail.mcpstubs.McpStubs;
import com.autoretail.mcpstubs.McpTestClient;
import com.autoretail.mcpstubs.McpTestClient.Answer;
import com.autoretail.mcpstubs.RunningStubs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stubs remember side-effecting calls by {@code _meta.idempotency_key}, as a payment provider does; counted in
 * the stubs' own ledgers (payment links per repair order, stock of a part).
 */
class SideEffectMemoryTest {

    private static final Duration DELAY = Duration.ofMillis(700);

    @AutoClose
    private static final McpTestClient payment = McpTestClient.connect(RunningStubs.payment(),
            McpTestClient.paymentHeaders("TENANT_AUTOMOTIVE_RETAIL"));

    @AutoClose
    private static final McpTestClient parts = McpTestClient.connect(RunningStubs.parts(),
            McpTestClient.serviceHeaders("parts-agent"));

    private static final ConfigurableApplicationContext slowPayment = McpStubs.start("payment", 0,
            "--stubs.side-effect-delay=" + DELAY.toMillis() + "ms");

    @AfterAll
    static void stopTheSlowStub() {
        slowPayment.close();
    }

    @Test
    void sameKeyAndArgumentsReplayTheFirstLinkWithoutASecond() {
        String key = "wf-" + UUID.randomUUID() + ":create_payment_1";
        int before = links(payment, "1015");

        Answer first = payment.call("create_payment_link", link("1015", 100.0), key);
        Answer again = payment.call("create_payment_link", link("1015", 100.0), key);

        assertThat(first.isError()).isFalse();
        assertThat(again.isError()).isFalse();
        assertThat(again.json()).containsEntry("payment_id", first.json().get("payment_id"));
        assertThat(links(payment, "1015")).isEqualTo(before + 1);
    }

    @Test
    void sameKeyWithOtherArgumentsIsRefusedAndDoesNothing() {
        String key = "wf-" + UUID.randomUUID() + ":create_payment_1";
        payment.call("create_payment_link", link("1016", 100.0), key);
        int before = links(payment, "1016");

        Answer refused = payment.call("create_payment_link", link("1016", 250.0), key);

        assertThat(refused.isError()).isTrue();
        assertThat(refused.json()).containsEntry("error_code", "IDEMPOTENCY_KEY_REUSED")
            .containsEntry("details", Map.of("idempotency_key", key, "tool", "create_payment_link"));
        assertThat(links(payment, "1016")).isEqualTo(before);
    }

    @Test
    void callsWithoutAKeyOrWithAnotherKeyActEachTime() {
        int before = links(payment, "1021");

        payment.call("create_payment_link", link("1021", 100.0), null);
        payment.call("create_payment_link", link("1021", 100.0), null);
        payment.call("create_payment_link", link("1021", 100.0), "key-" + UUID.randomUUID());

        assertThat(links(payment, "1021")).isEqualTo(before + 3);
    }

    @Test
    void aRefusedCallIsNotRememberedSoTheSameKeyMayTryAgain() {
        String key = "wf-" + UUID.randomUUID() + ":reserve";
        int stock = stock("BRK2201");
        Map<String, Object> tooMany = Map.of("part_numbers", List.of("BRK2201"), "repair_order_id", "1005",
                "quantity_map", Map.of("BRK2201", 100_000));

        Answer refused = parts.call("reserve_parts", tooMany, key);
        Answer reserved = parts.call("reserve_parts", tooMany, key);

        assertThat(refused.isError()).isTrue();
        assertThat(refused.json()).containsEntry("error_code", "CONFLICT");
        assertThat(reserved.json()).containsEntry("error_code", "CONFLICT");
        assertThat(stock("BRK2201")).isEqualTo(stock);
    }

    @Test
    void aSlowCallSentAgainMeanwhileWaitsForTheFirstAndActsOnce() throws Exception {
        try (McpTestClient slow = McpTestClient.connect(slowPayment,
                McpTestClient.paymentHeaders("TENANT_AUTOMOTIVE_RETAIL"))) {
            String key = "wf-" + UUID.randomUUID() + ":create_payment_1";
            int before = links(slow, "1005");
            List<Callable<Answer>> twice = List.of(() -> slow.call("create_payment_link", link("1005", 80.0), key),
                    () -> slow.call("create_payment_link", link("1005", 80.0), key));

            long start = System.nanoTime();
            List<Answer> answers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                for (Future<Answer> answer : threads.invokeAll(twice)) {
                    answers.add(answer.get());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("the side-effect delay applies").isGreaterThanOrEqualTo(DELAY);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.isError()).isFalse());
            assertThat(answers.get(1).json()).containsEntry("payment_id", answers.get(0).json().get("payment_id"));
            assertThat(links(slow, "1005")).isEqualTo(before + 1);
        }
    }

    private static Map<String, Object> link(String repairOrderId, double amount) {
        return Map.of("repair_order_id", repairOrderId, "amount", amount, "currency", "USD", "customer_email",
                "ambujmehra16@gmail.com");
    }

    private static int links(McpTestClient client, String repairOrderId) {
        return ((Number) client.ok("check_payment_status", Map.of("repair_order_id", repairOrderId))
            .get("payment_count")).intValue();
    }

    private static int stock(String partNumber) {
        return ((Number) parts.ok("check_part_availability", Map.of("part_number", partNumber)).get("stock"))
            .intValue();
    }

}
