package com.autoretail.orchestrator.api;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.api.EventStreamClient.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static com.autoretail.orchestrator.api.WireMockFleet.execute;
import static com.autoretail.orchestrator.api.WireMockFleet.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /workflow/{id}/events} over HTTP: every change of a completed, a failed and undone, a retried and an
 * approved or rejected workflow, once, in order, numbered 1..n; resumed after {@code Last-Event-ID} or
 * {@code ?after=}; followed live with keep-alive pings until the workflow ends; 404 and 400 as the API answers them.
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowEventsApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        registry.add("orchestrator.workflows.events.keep-alive", () -> "300ms");
    }

    @LocalServerPort
    int port;

    HttpJson http;
    EventStreamClient sse;

    @BeforeEach
    void setUp() {
        http = new HttpJson("http://localhost:" + port);
        sse = new EventStreamClient("http://localhost:" + port);
        fleet.server.stubFor(execute("parts", "release_reservation").willReturn(okJson(ok(
                "{\"reservation_id\":\"RES-000001\",\"status\":\"released\"}"))));
        fleet.server.stubFor(execute("payment", "check_payment_status").willReturn(okJson(ok(
                "{\"payment_id\":\"PAY-1\",\"status\":\"paid\",\"amount\":120}"))));
        fleet.server.stubFor(execute("payment", "process_refund").willReturn(okJson(ok(
                "{\"refund_id\":\"REF-1\",\"payment_id\":\"PAY-1\",\"status\":\"refunded\"}"))));
    }

    private static String id() {
        return "ev-" + UUID.randomUUID();
    }

    /** The example of the architecture document: two reads, a reservation after both, a payment link after it. */
    private static String examplePlan(String requestId, String partsRetry) {
        return """
                {"request_id": "%s", "user_request": "Add part 1234 to RO 1234 and send a link of 100$",
                 "workflow_plan": {"plan_id": "p-%s", "execution_steps": [
                  {"step_id": "ro", "service_name": "repair_orders", "operation": "get_repair_order_details",
                   "parameters": {"repair_order_id": "1234"}},
                  {"step_id": "part", "service_name": "parts", "operation": "get_part_details",
                   "parameters": {"part_number": "1234"}, "failure_handling": "retry", "retry_attempts": %s},
                  {"step_id": "reserve", "service_name": "parts", "operation": "reserve_parts",
                   "parameters": {"part_numbers": ["1234"], "repair_order_id": "1234"},
                   "dependencies": ["ro", "part"], "failure_handling": "abort"},
                  {"step_id": "link", "service_name": "payment", "operation": "create_payment_link",
                   "parameters": {"repair_order_id": "1234", "amount": 100, "customer_email": "service@dealer.com"},
                   "dependencies": ["reserve"], "failure_handling": "abort"}]}}"""
                .formatted(requestId, requestId, partsRetry);
    }

    private static String refundPlan(String requestId) {
        return """
                {"request_id": "%s", "user_request": "Refund 20 on PAY-1", "workflow_plan": {"plan_id": "p-%s",
                 "execution_steps": [
                  {"step_id": "status", "service_name": "payment", "operation": "check_payment_status",
                   "parameters": {"payment_id": "PAY-1"}},
                  {"step_id": "refund", "service_name": "payment", "operation": "process_refund",
                   "parameters": {"payment_id": "PAY-1", "amount": 20, "reason_code": "duplicate_payment"},
                   "dependencies": ["status"], "failure_handling": "abort"}]}}""".formatted(requestId, requestId);
    }

    /** Runs a plan; answers the workflow's status, or the refusal's body. */
    private String ran(String plan) {
        Reply reply = http.post("/execute-plan", plan);
        return reply.body().has("status") && reply.body().path("status").isTextual() ? reply.text("status")
                : reply.body().toString();
    }

    private EventStreamClient.Stream all(String requestId) {
        return sse.readToEnd("/workflow/" + requestId + "/events", Map.of(), WITHIN);
    }

    private static int index(List<Frame> frames, String type, String stepId) {
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            if (frame.event().equals(type) && stepId.equals(frame.data().path("step_id").asText(null))) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " of " + stepId + " in " + frames);
    }

    private static long count(List<Frame> frames, String type, String stepId) {
        return frames.stream().filter(f -> f.event().equals(type)
                && stepId.equals(f.data().path("step_id").asText(null))).count();
    }

    private static Frame only(List<Frame> frames, String type) {
        List<Frame> found = frames.stream().filter(f -> f.event().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.getFirst();
    }

    /** Ids and seqs 1..n without a gap, each frame's id its seq, its event its type, all of this workflow. */
    private static void numberedWithoutGaps(List<Frame> frames, String requestId) {
        assertThat(frames).extracting(Frame::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, frames.size()).boxed().toList());
        frames.forEach(frame -> {
            assertThat(frame.data().path("seq").asLong()).isEqualTo(frame.id());
            assertThat(frame.data().path("type").asText()).isEqualTo(frame.event());
            assertThat(frame.data().path("workflow_id").asText()).isEqualTo(requestId);
            assertThat(frame.data().path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(frame.data().has("step_id")).isTrue();
        });
    }

    @Test
    void aCompletedWorkflowTellsEachStepOnceInTheOrderItHappened() {
        String id = id();
        assertThat(ran(examplePlan(id, "1"))).isEqualTo("completed");

        EventStreamClient.Stream stream = all(id);

        assertThat(stream.contentType).startsWith("text/event-stream");
        List<Frame> frames = stream.frames;
        numberedWithoutGaps(frames, id);
        assertThat(frames).hasSize(1 + 4 * 2 + 1);
        assertThat(frames.getFirst().event()).isEqualTo("workflow_planned");
        JsonNode planned = frames.getFirst().data();
        assertThat(planned.path("step_id").isNull()).isTrue();
        assertThat(planned.at("/payload/steps")).hasSize(4);
        assertThat(planned.at("/payload/steps/2/step_id").asText()).isEqualTo("reserve");
        assertThat(planned.at("/payload/steps/2/agent").asText()).isEqualTo("parts");
        assertThat(planned.at("/payload/steps/2/operation").asText()).isEqualTo("reserve_parts");
        assertThat(planned.at("/payload/steps/2/depends_on").toString()).isEqualTo("[\"ro\",\"part\"]");
        for (String step : List.of("ro", "part", "reserve", "link")) {
            assertThat(count(frames, "step_started", step)).as(step).isEqualTo(1);
            assertThat(count(frames, "step_completed", step)).as(step).isEqualTo(1);
            assertThat(index(frames, "step_started", step)).isLessThan(index(frames, "step_completed", step));
        }
        assertThat(index(frames, "step_completed", "ro")).isLessThan(index(frames, "step_started", "reserve"));
        assertThat(index(frames, "step_completed", "part")).isLessThan(index(frames, "step_started", "reserve"));
        assertThat(index(frames, "step_completed", "reserve")).isLessThan(index(frames, "step_started", "link"));
        Frame started = frames.get(index(frames, "step_started", "link"));
        assertThat(started.data().at("/payload/agent").asText()).isEqualTo("payment");
        assertThat(started.data().at("/payload/operation").asText()).isEqualTo("create_payment_link");
        assertThat(started.data().at("/payload/attempt").asInt()).isEqualTo(1);
        assertThat(frames.get(index(frames, "step_completed", "link")).data()
                .at("/payload/execution_time_ms").asDouble()).isPositive();
        Frame ended = frames.getLast();
        assertThat(ended.event()).isEqualTo("workflow_ended");
        assertThat(ended.data().at("/payload/status").asText()).isEqualTo("completed");
        assertThat(ended.data().at("/payload/duration_ms").asDouble()).isPositive();
    }

    @Test
    void aFailedStepIsUndoneAndTheStreamTellsTheUndoBeforeTheEnd() {
        fleet.server.stubFor(execute("payment", "create_payment_link").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"request_id":"x","success":false,"result":null,"error":"customer has no email on file",
                         "error_code":"CONFLICT","execution_time":0.01,"metadata":{}}""")));
        String id = id();
        assertThat(ran(examplePlan(id, "1"))).isEqualTo("failed");

        List<Frame> frames = all(id).frames;

        numberedWithoutGaps(frames, id);
        Frame failed = frames.get(index(frames, "step_failed", "link"));
        assertThat(failed.data().at("/payload/code").asText()).isEqualTo("CONFLICT");
        assertThat(failed.data().at("/payload/error").asText()).contains("no email");
        Frame undo = only(frames, "compensation_started");
        assertThat(undo.data().at("/payload/steps").toString()).contains("\"reserve\"");
        Frame compensated = frames.get(index(frames, "step_compensated", "reserve"));
        assertThat(compensated.data().at("/payload/operation").asText()).isEqualTo("release_reservation");
        assertThat(frames.indexOf(failed)).isLessThan(frames.indexOf(undo));
        assertThat(frames.indexOf(undo)).isLessThan(frames.indexOf(compensated));
        assertThat(frames.getLast().event()).isEqualTo("workflow_ended");
        assertThat(frames.getLast().data().at("/payload/status").asText()).isEqualTo("compensated");
        assertThat(frames.getLast().data().at("/payload/workflow_status").asText()).isEqualTo("failed");
        assertThat(count(frames, "step_completed", "reserve")).isEqualTo(1);
    }

    @Test
    void aRetriedStepSaysSoBeforeItsNextAttempt() {
        fleet.server.stubFor(execute("parts", "get_part_details").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("""
                        {"request_id":"x","success":false,"result":null,"error":"parts MCP server unreachable",
                         "error_code":"UPSTREAM_UNAVAILABLE","execution_time":0.01,"metadata":{}}"""))
                .willSetStateTo("recovered"));
        fleet.server.stubFor(execute("parts", "get_part_details").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(ok("{\"part_number\":\"1234\",\"available\":true}"))));
        String id = id();
        assertThat(ran(examplePlan(id, "2"))).isEqualTo("completed");

        List<Frame> frames = all(id).frames;

        numberedWithoutGaps(frames, id);
        Frame retried = frames.get(index(frames, "step_retried", "part"));
        assertThat(retried.data().at("/payload/attempt").asInt()).isEqualTo(2);
        assertThat(retried.data().at("/payload/error").asText()).contains("unreachable");
        assertThat(index(frames, "step_started", "part")).isLessThan(frames.indexOf(retried));
        assertThat(frames.indexOf(retried)).isLessThan(index(frames, "step_completed", "part"));
        assertThat(count(frames, "step_started", "part")).isEqualTo(1);
        assertThat(frames.getLast().data().at("/payload/status").asText()).isEqualTo("completed");
    }

    @Test
    void aFollowerSeesTheApprovalAndTheRestLiveAndResumesAfterTheLastEventItGot() {
        String id = id();
        Reply paused = http.post("/execute-plan", refundPlan(id));
        assertThat(paused.status()).isEqualTo(202);

        // resumed after the events it had: the pause is the fourth, after the plan and the read step's two
        EventStreamClient.Stream live = sse.open("/workflow/" + id + "/events", Map.of("Last-Event-ID", "3"));
        await().atMost(WITHIN).until(() -> !live.frames.isEmpty());
        assertThat(live.frames.getFirst().id()).isEqualTo(4);
        assertThat(live.frames.getFirst().event()).isEqualTo("workflow_awaiting_approval");
        assertThat(live.frames.getFirst().data().at("/payload/reasons").toString()).contains("refund");
        await().atMost(WITHIN).until(() -> !live.comments.isEmpty());
        assertThat(live.comments).contains("ping");
        assertThat(live.closed).as("open while the workflow waits").isFalse();

        Reply approved = http.post("/workflow/" + id + "/approve", "{\"comment\": \"customer called\"}");
        assertThat(approved.status()).isEqualTo(200);

        await().atMost(WITHIN).until(() -> live.closed);
        assertThat(live.types()).containsExactly("workflow_awaiting_approval", "workflow_approved", "step_started",
                "step_completed", "workflow_ended");
        assertThat(live.frames.get(1).data().at("/payload/comment").asText()).isEqualTo("customer called");
        assertThat(live.frames.get(1).data().at("/payload/by").asText()).isNotBlank();
        assertThat(live.frames.get(2).data().path("step_id").asText()).isEqualTo("refund");
        assertThat(live.frames.getLast().data().at("/payload/status").asText()).isEqualTo("completed");

        List<Frame> whole = all(id).frames;
        numberedWithoutGaps(whole, id);
        assertThat(whole.stream().map(Frame::event).toList()).containsExactly("workflow_planned", "step_started",
                "step_completed", "workflow_awaiting_approval", "workflow_approved", "step_started",
                "step_completed", "workflow_ended");
        assertThat(whole.subList(3, whole.size())).as("what the follower got live is what the journal kept")
                .containsExactlyElementsOf(live.frames);
        assertThat(sse.readToEnd("/workflow/" + id + "/events?after=6", Map.of(), WITHIN).frames)
                .extracting(Frame::id).containsExactly(7L, 8L);
    }

    @Test
    void aRejectedWorkflowEndsRejectedWithWhatWaitedNotRun() {
        String id = id();
        assertThat(http.post("/execute-plan", refundPlan(id)).status()).isEqualTo(202);
        assertThat(http.post("/workflow/" + id + "/reject", "{\"comment\": \"duplicate\"}").status()).isEqualTo(200);

        List<Frame> frames = all(id).frames;

        numberedWithoutGaps(frames, id);
        assertThat(frames.stream().map(Frame::event).toList()).containsExactly("workflow_planned", "step_started",
                "step_completed", "workflow_awaiting_approval", "workflow_rejected", "step_skipped",
                "workflow_ended");
        assertThat(frames.get(4).data().at("/payload/comment").asText()).isEqualTo("duplicate");
        assertThat(frames.get(5).data().path("step_id").asText()).isEqualTo("refund");
        assertThat(frames.get(5).data().at("/payload/status").asText()).isEqualTo("not_run");
        assertThat(frames.getLast().data().at("/payload/status").asText()).isEqualTo("rejected");
    }

    @Test
    void anUnknownWorkflowIs404AndABadLastEventIdIs400() {
        EventStreamClient.Stream unknown = sse.open("/workflow/nobody-" + UUID.randomUUID() + "/events", Map.of());
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.contentType).startsWith("application/problem+json");

        String id = id();
        http.post("/execute-plan", examplePlan(id, "1"));
        EventStreamClient.Stream bad = sse.open("/workflow/" + id + "/events", Map.of("Last-Event-ID", "-1"));
        assertThat(bad.status).isEqualTo(400);
        assertThat(bad.body).contains("Last-Event-ID");
        assertThat(sse.open("/workflow/" + id + "/events?after=x", Map.of()).status).isEqualTo(400);
    }
}
