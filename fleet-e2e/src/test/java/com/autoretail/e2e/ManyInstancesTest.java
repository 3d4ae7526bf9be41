package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet as it runs with several instances (as deploy/kubernetes's prod overlay runs it), under a crash of one of
 * each: two payment agents sharing their idempotency records in one Redis, both behind the orchestrators' registry
 * ({@code PAYMENT_SERVICE_URL} with both URLs), and two orchestrators journaling to the same Redis. Clients send the
 * seed example's plan (check a part, reserve it for a repair order, send the payment link) to both orchestrators;
 * mid-load one payment agent and one orchestrator are killed with SIGKILL. A client whose orchestrator died sends
 * the same request again, with the same request_id, to the other (which answers it, or says where it goes on).
 * Every workflow must end completed, and the dealer systems' own ledgers must show each side effect exactly once.
 */
class ManyInstancesTest {

    private static final String EMAIL = "many.instances@example.com";
    private static final String PART = "ENG6630";
    private static final int CLIENTS = 8;
    private static final int PER_CLIENT = 6;
    private static final int FIRST_REPAIR_ORDER = 7600;

    static FleetProcesses fleet;
    static PrivateRedis redis;
    static HttpJson[] orchestrators;
    static HttpJson payment;
    static HttpJson parts;

    @BeforeAll
    static void startTwoOfEach() {
        fleet = FleetProcesses.get();
        redis = new PrivateRedis("many-instances-redis");
        // each payment operation takes half a second more, so that the crashes find calls in flight
        Map<String, String> shared = Map.of("AGENT_IDEMPOTENCY_STORE", "redis", "REDIS_URL", redis.url(),
                "AGENT_SIMULATED_LATENCY", "500ms");
        String first = fleet.startInstance("many-payment-1", "payment", shared, List.of()).url();
        String second = fleet.startInstance("many-payment-2", "payment", shared, List.of()).url();
        Map<String, String> registry = Map.of("PAYMENT_SERVICE_URL", first + "," + second);
        orchestrators = new HttpJson[] {
                new HttpJson(fleet.startOrchestratorOn(redis, "many-orchestrator-1", registry).url()),
                new HttpJson(fleet.startOrchestratorOn(redis, "many-orchestrator-2", registry).url())};
        payment = new HttpJson(fleet.url("payment"));
        parts = new HttpJson(fleet.url("parts"));
        for (HttpJson orchestrator : orchestrators) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    "healthy".equals(orchestrator.get("/health").body().at("/services/payment/status").asText()));
        }
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void killingOnePaymentAgentAndOneOrchestratorMidLoadFailsNoWorkflowAndDuplicatesNothing() throws Exception {
        int total = CLIENTS * PER_CLIENT;
        int stockBefore = stock();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Thread> clients = IntStream.range(0, CLIENTS).mapToObj(client -> Thread.ofVirtual().start(() -> {
            int home = client % 2;
            for (int n = 0; n < PER_CLIENT; n++) {
                int i = client * PER_CLIENT + n;
                String id = "many-" + i;
                String plan = seedPlan(id, String.valueOf(FIRST_REPAIR_ORDER + i));
                while (true) {
                    try {
                        answers.put(id, orchestrators[home].post("/execute-plan", plan).status());
                        answered.incrementAndGet();
                        break;
                    } catch (UncheckedIOException | IllegalStateException e) {
                        // its orchestrator died with the request open: the same request, to the other one
                        resent.incrementAndGet();
                        home = 1 - home;
                    }
                }
            }
        })).toList();

        await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= total / 4);
        fleet.kill("many-payment-1");
        // the survivor's calls that the dead agent had open fail first, then an orchestrator dies as well
        Thread.sleep(Duration.ofSeconds(1));
        fleet.kill("many-orchestrator-1");
        int answeredBeforeTheCrashes = answered.get();
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(180).toMillis());
        }

        assertThat(answeredBeforeTheCrashes).as("workflows still to run when the crashes came").isLessThan(total / 2);
        assertThat(answered.get()).as("every request was answered by an orchestrator").isEqualTo(total);
        assertThat(resent.get()).as("requests open at the killed orchestrator, sent again").isPositive();
        assertThat(answers.values()).as("answers: finished (200), or going on elsewhere (409)")
                .allSatisfy(status -> assertThat(status).isIn(200, 409));
        List<JsonNode> ended = IntStream.range(0, total).mapToObj(i -> awaitFinished("many-" + i)).toList();
        assertThat(ended).allSatisfy(workflow ->
                assertThat(workflow.path("status").asText()).as(workflow.toString()).isEqualTo("completed"));
        for (int i = 0; i < total; i++) {
            String repairOrder = String.valueOf(FIRST_REPAIR_ORDER + i);
            List<JsonNode> links = links(repairOrder);
            assertThat(links).as("payment links of RO " + repairOrder).hasSize(1);
            assertThat(links.getFirst().path("status").asText()).isEqualTo("pending");
        }
        assertThat(stock()).as("stock of %s after %d reservations", PART, total).isEqualTo(stockBefore - total);
    }

    private static String seedPlan(String requestId, String repairOrder) {
        return """
                {"request_id": "%1$s", "workflow_plan": {"plan_id": "%1$s", "execution_steps": [
                  {"step_id": "validate_part_1", "service_name": "parts", "operation": "get_part_details",
                   "parameters": {"part_number": "%2$s"}},
                  {"step_id": "reserve_part_1", "service_name": "parts", "operation": "reserve_parts",
                   "parameters": {"part_numbers": ["%2$s"], "repair_order_id": "%3$s"},
                   "dependencies": ["validate_part_1"]},
                  {"step_id": "create_payment_1", "service_name": "payment", "operation": "create_payment_link",
                   "parameters": {"repair_order_id": "%3$s", "amount": 100, "customer_email": "%4$s"},
                   "dependencies": ["reserve_part_1"]}]}}""".formatted(requestId, PART, repairOrder, EMAIL);
    }

    /** The workflow as the surviving orchestrator tells it, once it has ended. */
    private static JsonNode awaitFinished(String requestId) {
        List<JsonNode> found = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            Reply reply = orchestrators[1].get("/workflow/" + requestId);
            if (reply.status() == 200 && List.of("completed", "failed", "needs_attention")
                    .contains(reply.text("status"))) {
                found.add(reply.body());
                return true;
            }
            return false;
        });
        return found.getFirst();
    }

    private static List<JsonNode> links(String repairOrder) {
        Reply reply = payment.execute("check_payment_status", "{\"repair_order_id\":\"" + repairOrder + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<JsonNode> links = new ArrayList<>();
        reply.body().at("/result/payments").forEach(links::add);
        return links;
    }

    private static int stock() {
        Reply reply = parts.execute("check_part_availability", "{\"part_number\":\"" + PART + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().at("/result/stock").asInt();
    }
}
