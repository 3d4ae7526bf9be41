package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole fleet as separate processes with real HTTP between them, the way a user runs it: the example
 * request, the side effects it leaves in the dealer systems, an abort that is undone, a sales conversation,
 * an async workflow with a callback, and an agent that dies and comes back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetEndToEndTest {

    static final String SEED_REQUEST = "Add part number 1234 to RO number 1234, and send payment link of 100$ to "
            + "ambujmehra16@gmail.com";

    static FleetProcesses fleet;
    static HttpJson orchestrator;
    static HttpJson parts;
    static HttpJson payment;

    @BeforeAll
    static void startFleet() {
        fleet = FleetProcesses.get();
        orchestrator = new HttpJson(fleet.url("orchestrator"));
        parts = new HttpJson(fleet.url("parts"));
        payment = new HttpJson(fleet.url("payment"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                orchestrator.get("/health").text("status").equals("UP"));
    }

    private static JsonNode partAvailability(String partNumber) {
        return parts.post("/execute", "{\"operation\":\"check_part_availability\",\"parameters\":{\"part_number\":\""
                + partNumber + "\"}}").body().path("result");
    }

    @Test
    @Order(1)
    void exampleRequestCompletesAndLeavesItsSideEffectsInTheDealerSystems() {
        JsonNode before = partAvailability("1234");

        Reply reply = orchestrator.post("/orchestrate", "{\"request_id\":\"e2e-example\",\"user_request\":\""
                + SEED_REQUEST + "\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).as(reply.text("final_result")).isTrue();
        assertThat(reply.text("final_result")).contains("🚗 AUTOMOTIVE SERVICE EXECUTION SUMMARY",
                "📋 Request: " + SEED_REQUEST, "📊 Progress: 4/4 steps completed",
                "✅ validate_ro_1: repair_orders.get_repair_order_details", "✅ validate_part_1: parts.get_part_details",
                "✅ reserve_part_1: parts.reserve_parts", "✅ create_payment_1: payment.create_payment_link",
                "🔒 VALIDATION SUMMARY:");
        JsonNode after = partAvailability("1234");
        assertThat(after.path("stock").asInt()).isEqualTo(before.path("stock").asInt() - 1);
        assertThat(after.path("reserved").asInt()).isEqualTo(before.path("reserved").asInt() + 1);
        JsonNode reservation = reply.body().at("/execution_results/steps/reserve_part_1/result");
        assertThat(reservation.path("repair_order_id").asText()).isEqualTo("1234");
        String paymentId = reply.body().at("/execution_results/steps/create_payment_1/result/payment_id").asText();
        Reply links = payment.post("/execute", "{\"operation\":\"check_payment_status\","
                + "\"parameters\":{\"repair_order_id\":\"1234\"}}");
        assertThat(links.body().at("/result/payments").toString()).contains(paymentId);
    }

    @Test
    @Order(2)
    void workflowThatMustAbortUndoesItsReservation() {
        int stockBefore = partAvailability("BRK2201").path("stock").asInt();

        Reply reply = orchestrator.post("/orchestrate", "{\"request_id\":\"e2e-abort\",\"user_request\":"
                + "\"Add part BRK2201 to RO 1012 and send a payment link of $80 to ambujmehra16@gmail.com\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode results = reply.body().path("execution_results");
        assertThat(reply.body().path("success").asBoolean()).isFalse();
        assertThat(results.path("aborted").asBoolean()).as(reply.text("final_result")).isTrue();
        assertThat(results.path("failed_steps").toString()).contains("create_payment");
        String reserveStatus = results.at("/steps/reserve_part_1/status").asText();
        assertThat(reserveStatus).isIn("compensated", "not_run", "skipped");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(partAvailability("BRK2201").path("stock").asInt()).isEqualTo(stockBefore));
    }

    @Test
    @Order(3)
    void salesConversationRunsOnTheRealInventory() {
        HttpJson sales = new HttpJson(fleet.url("sales"));
        HttpJson inventory = new HttpJson(fleet.url("inventory"));
        int online = inventory.get("/inventory/SKU000001").body().path("online_stock").asInt();

        Reply stock = sales.post("/api/message", "{\"message\":\"Check stock for SKU000001\",\"session_id\":\"e2e-1\"}");
        Reply order = sales.post("/api/message", "{\"message\":\"I want 2 units of SKU000001\",\"session_id\":\"e2e-1\"}");

        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.text("intent")).isEqualTo("inventory");
        assertThat(stock.text("response")).contains("SKU000001", "Online: " + online + " units");
        assertThat(order.text("intent")).isEqualTo("order");
        assertThat(order.text("hold_id")).isNotBlank();
        assertThat(inventory.get("/inventory/SKU000001").body().path("online_stock").asInt()).isEqualTo(online - 2);
        assertThat(sales.get("/health").text("inventory_service")).isEqualTo("connected");
    }

    @Test
    @Order(4)
    void asyncWorkflowCallsBackWithTheFinalAnswer() throws IOException {
        CompletableFuture<String> received = new CompletableFuture<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/done", exchange -> {
            received.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String callback = "http://localhost:" + receiver.getAddress().getPort() + "/done";
            Reply accepted = orchestrator.post("/orchestrate-async", "{\"request_id\":\"e2e-async\","
                    + "\"user_request\":\"Show the repair history of RO 1001\",\"callback_url\":\"" + callback + "\"}");

            assertThat(accepted.status()).isEqualTo(202);
            String body = received.get(30, TimeUnit.SECONDS);
            assertThat(body).contains("\"request_id\":\"e2e-async\"", "\"success\":true", "get_repair_history");
            assertThat(orchestrator.get("/workflow/e2e-async").text("status")).isEqualTo("completed");
        } catch (Exception e) {
            throw new AssertionError("no callback received", e);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(5)
    void deadAgentFailsFastWhileTheRestServesAndIsBackAfterARestart() {
        fleet.kill("parts");

        long start = System.nanoTime();
        Reply withoutParts = orchestrator.post("/orchestrate", "{\"user_request\":\"Show part 1234 details\"}");
        double seconds = (System.nanoTime() - start) / 1e9;
        Reply paymentOnly = orchestrator.post("/orchestrate", "{\"user_request\":\"Check the payment status of "
                + "PAY-1009A1\"}");

        assertThat(seconds).isLessThan(5.0);
        assertThat(withoutParts.status()).isIn(200, 422);
        if (withoutParts.status() == 200) {
            assertThat(withoutParts.body().at("/execution_results/steps").toString()).contains("UPSTREAM_UNAVAILABLE");
        }
        assertThat(paymentOnly.body().path("success").asBoolean()).as(paymentOnly.body().toString()).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                orchestrator.get("/health").body().at("/services/parts/status").asText().equals("unhealthy"));

        fleet.start("parts");
        fleet.awaitHealthy("parts");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                orchestrator.get("/health").body().at("/services/parts/status").asText().equals("healthy"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(orchestrator.post("/orchestrate",
                "{\"user_request\":\"Show part 1234 details\"}").body().path("success").asBoolean()).isTrue());
    }
}
