package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet's promise under faults, against real processes: a dealer system slower than the step timeout, an
 * orchestrator killed with SIGKILL while workflows are in flight, its Redis killed and restarted, a service down
 * while a workflow must be undone. Every check counts side effects in the dealer systems' own ledgers (payment
 * links per repair order, a part's stock, an item's stock), never only answers.
 *
 * <p>The fleet of {@link FleetProcesses} runs the MCP servers and agents; this suite adds a payment agent whose
 * MCP server is behind a {@link DelayingProxy}, a proxy in front of the parts agent, a {@link PrivateRedis} that
 * persists like a production one, and two orchestrators journaling to it, as a user deploys them. Each test uses
 * repair orders and parts no other test touches, so that the ledgers' counts are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final String EMAIL = "fault.injection@example.com";

    static FleetProcesses fleet;
    static PrivateRedis redis;
    static DelayingProxy paymentServer;
    static DelayingProxy partsAgent;
    static HttpJson first;
    static HttpJson second;
    static HttpJson payment;
    static HttpJson parts;
    static HttpJson inventory;

    @BeforeAll
    static void startTheFaultyFleet() {
        fleet = FleetProcesses.get();
        redis = new PrivateRedis("fault-redis");
        paymentServer = new DelayingProxy(fleet.service("payment-mcp").port());
        partsAgent = new DelayingProxy(fleet.service("parts").port());
        FleetProcesses.Service slowPayment = fleet.startInstance("payment-behind-proxy", "payment",
                Map.of("PAYMENT_MCP_ENDPOINT", paymentServer.url() + "/mcp"), List.of());
        Map<String, String> env = Map.of("PAYMENT_SERVICE_URL", slowPayment.url(), "PARTS_SERVICE_URL", partsAgent.url());
        first = new HttpJson(fleet.startOrchestratorOn(redis, "orchestrator-1", env).url());
        second = new HttpJson(fleet.startOrchestratorOn(redis, "orchestrator-2", env).url());
        payment = new HttpJson(fleet.url("payment"));
        parts = new HttpJson(fleet.url("parts"));
        inventory = new HttpJson(fleet.url("inventory"));
    }

    @AfterAll
    static void stopTheFaults() {
        if (partsAgent != null) {
            partsAgent.close();
        }
        if (paymentServer != null) {
            paymentServer.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void noFaults() {
        paymentServer.delay(Duration.ZERO);
        partsAgent.delay(Duration.ZERO);
        partsAgent.up();
    }

    @Test
    @Order(1)
    void aPaymentServerSlowerThanTheStepTimeoutMakesOneLinkWhateverTheRetries() {
        paymentServer.delay(Duration.ofMillis(2500));
        String plan = plan("fi-slow-link", List.of(step("pay", "payment", "create_payment_link",
                "{\"repair_order_id\":\"7001\",\"amount\":25,\"customer_email\":\"" + EMAIL + "\"}",
                "\"timeout_seconds\":1,\"retry_attempts\":2,\"failure_handling\":\"retry\"")));

        Reply reply = first.post("/execute-plan", plan);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode workflow = awaitFinished(first, "fi-slow-link");
        assertThat(workflow.path("status").asText()).as(workflow.toString()).isIn("completed", "failed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(links("7001")).as("payment links of RO 7001").hasSize(1));
        String expected = "completed".equals(workflow.path("status").asText()) ? "pending" : "cancelled";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(links("7001").get(0).path("status").asText()).isEqualTo(expected));
    }

    @Test
    @Order(2)
    void workflowsOfAKilledOrchestratorEndOnTheOtherWithNothingDoneTwiceOrLeftBehind() {
        Stock before = new Stock("ELC5120", "SKU000010");
        // 20 on the one to be killed, 10 on the other: two instances at once are the normal deployment
        IntPredicate onFirst = i -> i % 3 != 0;
        // agents slow enough that however long 30 submissions take to be accepted, most are still in flight
        List<String> ids = submitSlowed("fi-kill-", 30, 7100, before, i -> onFirst.test(i) ? first : second,
                Duration.ofSeconds(3));
        sleep(Duration.ofMillis(500));
        long unfinished = IntStream.range(0, ids.size()).filter(onFirst)
                .filter(i -> !finished(status(second, ids.get(i)))).count();

        fleet.kill("orchestrator-1");

        assertThat(unfinished).as("workflows the killed orchestrator had in flight").isGreaterThanOrEqualTo(20);
        List<JsonNode> ended = ids.stream().map(id -> awaitFinished(second, id)).toList();
        assertEveryWorkflowLeftExactlyItsOwnSideEffects(ended, 7100, before);
    }

    @Test
    @Order(3)
    void aRedisRestartMidRunLetsWorkflowsContinueOrEndCleanly() {
        Stock before = new Stock("FLT3301", "SKU000009");
        List<String> ids = submitSlowed("fi-redis-", 8, 7200, before, i -> second, Duration.ofSeconds(1));

        redis.kill();
        sleep(Duration.ofSeconds(2));
        redis.start();

        List<JsonNode> ended = ids.stream().map(id -> awaitFinished(second, id)).toList();
        assertEveryWorkflowLeftExactlyItsOwnSideEffects(ended, 7200, before);
    }

    @Test
    @Order(4)
    void anUndoAgainstAServiceThatIsDownIsDoneOnceItIsBack() {
        int stockBefore = stock("ELC5150");
        paymentServer.delay(Duration.ofSeconds(3));
        submit(second, plan("fi-undo-later", List.of(
                step("reserve", "parts", "reserve_parts",
                        "{\"part_numbers\":[\"ELC5150\"],\"repair_order_id\":\"7300\"}", null),
                step("check", "payment", "check_payment_status", "{\"payment_id\":\"PAY-0000000000\"}",
                        "\"dependencies\":[\"reserve\"]"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> stock("ELC5150") == stockBefore - 1);

        partsAgent.down();
        await().atMost(Duration.ofSeconds(20)).until(() -> "compensating".equals(status(second, "fi-undo-later")));
        sleep(Duration.ofSeconds(3));
        assertThat(status(second, "fi-undo-later")).as("still undoing while parts is down").isEqualTo("compensating");
        assertThat(stock("ELC5150")).isEqualTo(stockBefore - 1);
        partsAgent.up();

        JsonNode workflow = awaitFinished(second, "fi-undo-later");
        assertThat(workflow.path("status").asText()).as(workflow.toString()).isEqualTo("failed");
        assertThat(workflow.at("/execution_results/steps/reserve/status").asText()).isEqualTo("compensated");
        assertThat(workflow.at("/execution_results/compensated_steps").toString()).contains("reserve");
        assertThat(stock("ELC5150")).as("the reservation was given back").isEqualTo(stockBefore);
    }

    /** A part's stock at the parts server and an item's online stock at the inventory, as they were. */
    private record Stock(String partNumber, String sku, int parts, int inventory) {
        Stock(String partNumber, String sku) {
            this(partNumber, sku, stock(partNumber), onlineStock(sku));
        }
    }

    /**
     * Sends {@code count} workflows that reserve a part, hold an item and make a payment link, each for its own
     * repair order, with the parts agent and the payment server answering a second late; answers their request ids
     * once every one is in the journal.
     */
    private static List<String> submitSlowed(String prefix, int count, int firstRepairOrder, Stock stock,
                                             IntFunction<HttpJson> orchestrator, Duration delay) {
        paymentServer.delay(delay);
        partsAgent.delay(delay);
        List<String> ids = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        for (int i = 0; i < count; i++) {
            submit(orchestrator.apply(i), reserveHoldPay(ids.get(i), String.valueOf(firstRepairOrder + i), stock));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> known(second, id)));
        return ids;
    }

    /**
     * Every workflow ended completed or failed (never stuck, never needing a person); a completed one left exactly
     * one live payment link, one reservation and one hold, a failed one none; so the part's stock and the item's are
     * lower by exactly the number of completed workflows.
     */
    private static void assertEveryWorkflowLeftExactlyItsOwnSideEffects(List<JsonNode> ended, int firstRepairOrder,
                                                                        Stock before) {
        int completed = 0;
        for (int i = 0; i < ended.size(); i++) {
            JsonNode workflow = ended.get(i);
            String status = workflow.path("status").asText();
            assertThat(status).as(workflow.toString()).isIn("completed", "failed");
            List<JsonNode> links = links(String.valueOf(firstRepairOrder + i));
            assertThat(links).as("payment links of RO %d", firstRepairOrder + i).hasSizeLessThanOrEqualTo(1);
            if ("completed".equals(status)) {
                completed++;
                assertThat(links).hasSize(1);
                assertThat(links.get(0).path("status").asText()).isEqualTo("pending");
            } else {
                assertThat(links).allSatisfy(link -> assertThat(link.path("status").asText()).isEqualTo("cancelled"));
            }
        }
        assertThat(stock(before.partNumber())).as("stock of %s after %d completed workflows", before.partNumber(),
                completed).isEqualTo(before.parts() - completed);
        assertThat(onlineStock(before.sku())).as("online stock of %s after %d completed workflows", before.sku(),
                completed).isEqualTo(before.inventory() - completed);
    }

    private static String reserveHoldPay(String requestId, String repairOrder, Stock stock) {
        return plan(requestId, List.of(
                step("reserve", "parts", "reserve_parts", "{\"part_numbers\":[\"" + stock.partNumber()
                        + "\"],\"repair_order_id\":\"" + repairOrder + "\"}", null),
                step("hold", "inventory", "create_hold", "{\"sku\":\"" + stock.sku() + "\",\"quantity\":1,"
                        + "\"ttl\":1800}", "\"dependencies\":[\"reserve\"]"),
                step("pay", "payment", "create_payment_link", "{\"repair_order_id\":\"" + repairOrder
                        + "\",\"amount\":10,\"customer_email\":\"" + EMAIL + "\"}", "\"dependencies\":[\"hold\"]")));
    }

    private static String plan(String requestId, List<String> steps) {
        return "{\"request_id\":\"" + requestId + "\",\"workflow_plan\":{\"plan_id\":\"" + requestId
                + "\",\"execution_steps\":[" + String.join(",", steps) + "]}}";
    }

    private static String step(String id, String service, String operation, String parameters, String more) {
        return "{\"step_id\":\"" + id + "\",\"service_name\":\"" + service + "\",\"operation\":\"" + operation
                + "\",\"parameters\":" + parameters + (more == null ? "" : "," + more) + "}";
    }

    /** Posts a plan without waiting for its answer: the orchestrator may be killed before it answers. */
    private static void submit(HttpJson orchestrator, String plan) {
        Thread.ofVirtual().start(() -> {
            try {
                orchestrator.post("/execute-plan", plan);
            } catch (UncheckedIOException | IllegalStateException e) {
                // the orchestrator died with the request open: the journal, not this answer, tells the outcome
            }
        });
    }

    private static JsonNode awaitFinished(HttpJson orchestrator, String requestId) {
        List<JsonNode> found = new ArrayList<>(1);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            Reply reply = orchestrator.get("/workflow/" + requestId);
            String status = reply.text("status");
            if (reply.status() == 200 && finished(status)) {
                found.add(reply.body());
                return true;
            }
            return false;
        });
        return found.get(0);
    }

    private static boolean finished(String status) {
        return List.of("completed", "failed", "needs_attention").contains(status);
    }

    private static boolean known(HttpJson orchestrator, String requestId) {
        return orchestrator.get("/workflow/" + requestId).status() == 200;
    }

    private static String status(HttpJson orchestrator, String requestId) {
        return orchestrator.get("/workflow/" + requestId).text("status");
    }

    /** The payment links the payment ledger holds for a repair order. */
    private static List<JsonNode> links(String repairOrder) {
        Reply reply = payment.execute("check_payment_status", "{\"repair_order_id\":\"" + repairOrder + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<JsonNode> links = new ArrayList<>();
        reply.body().at("/result/payments").forEach(links::add);
        return links;
    }

    private static int onlineStock(String sku) {
        Reply reply = inventory.get("/inventory/" + sku);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("online_stock").asInt();
    }

    private static int stock(String partNumber) {
        Reply reply = parts.execute("check_part_availability", "{\"part_number\":\"" + partNumber + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().at("/result/stock").asInt();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
