package com.autoretail.mcpstubs.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.autoretail.mcpstubs.McpTestClient;
import com.autoretail.mcpstubs.RunningStubs;
import com.autoretail.mcpstubs.ToolAssertions;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTenantIsolationTest {

    @AutoClose
    private static final McpTestClient north = McpTestClient.connect(RunningStubs.payment(),
            McpTestClient.paymentHeaders("TENANT_NORTH"));

    @AutoClose
    private static final McpTestClient south = McpTestClient.connect(RunningStubs.payment(),
            McpTestClient.paymentHeaders("TENANT_SOUTH"));

    @Test
    void seededPaymentDataBelongsToTheDefaultTenantOnly() {
        north.refused("check_payment_status", Map.of("payment_id", "PAY-1009A1"), "NOT_FOUND");
        north.refused("get_payment_methods", Map.of("customer_id", "ambujmehra"), "NOT_FOUND");
        assertThat(north.ok("check_payment_status", Map.of("repair_order_id", "1009"))).containsEntry("status", "none");
    }

    @Test
    void concurrentTenantsSeeOnlyTheirOwnLinks() throws Exception {
        List<Callable<String>> creations = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int amount = i;
            creations.add(() -> create(north, amount));
            creations.add(() -> create(south, amount));
        }
        List<Object> created = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<String> future : pool.invokeAll(creations)) {
                created.add(future.get());
            }
        }
        List<Object> northIds = paymentIds(north);
        List<Object> southIds = paymentIds(south);

        assertThat(northIds).hasSize(10).doesNotContainAnyElementsOf(southIds);
        assertThat(southIds).hasSize(10);
        assertThat(created).containsExactlyInAnyOrderElementsOf(concat(northIds, southIds));
        north.refused("check_payment_status", Map.of("payment_id", southIds.get(0)), "NOT_FOUND");
        south.refused("cancel_payment_link", Map.of("payment_id", northIds.get(0)), "NOT_FOUND");
    }

    private static String create(McpTestClient client, int amount) {
        return (String) client.ok("create_payment_link", Map.of("repair_order_id", "7777", "amount", amount,
                "customer_email", "fleet@example.com")).get("payment_id");
    }

    private static List<Object> paymentIds(McpTestClient client) {
        return ToolAssertions.values(client.ok("check_payment_status", Map.of("repair_order_id", "7777")), "payments",
                "payment_id");
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

}
