package com.autoretail.orchestrator.api;

import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.events.WorkflowEvents;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The orchestrator as an A2A client sees it, through the A2A Java SDK's client over JSON-RPC, in front of WireMock
 * agents: its card, the architecture document's request as message/send (a completed task with the summary),
 * tasks/get, message/stream, tasks/cancel of a workflow awaiting approval, bad requests as JSON-RPC errors; and an
 * A2A agent (WireMock) discovered by its card and called with a step as message/send.
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class A2aApiTest {

    static final String CARD = "/.well-known/agent-card.json";
    static final String SEED = "Add part number 1234 to RO number 1234, and send payment link of 100$ to "
            + "ambujmehra16@gmail.com";

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    @DynamicPropertySource
    static void fleetUrls(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        registry.add("orchestrator.a2a.agents[0]", () -> "vehicles=" + fleet.url("vehicles") + CARD);
    }

    @LocalServerPort
    int port;

    @Autowired
    ServiceRegistry registry;

    @Autowired
    WorkflowEvents workflowEvents;

    AgentCard card;
    Client client;

    @BeforeEach
    void connect() throws Exception {
        card = A2A.getAgentCard("http://localhost:" + port);
        client = client(false);
        fleet.server.stubFor(get("/vehicles" + CARD).willReturn(okJson("""
                {"name": "vin-decoder", "description": "Decodes VINs", "url": "%s/a2a", "version": "2.0.0",
                 "protocolVersion": "0.3.0", "preferredTransport": "JSONRPC",
                 "capabilities": {"streaming": false, "extensions": [{"uri": "%s", "params": {"operations":
                   {"decode_vin": {"type": "object", "properties": {"vin": {"type": "string"}},
                                   "required": ["vin"]}}}}]},
                 "defaultInputModes": ["application/json"], "defaultOutputModes": ["application/json"],
                 "skills": [{"id": "decode_vin", "name": "decode vin", "description": "Decodes a VIN",
                             "tags": ["risk:read_only"]}]}""".formatted(fleet.url("vehicles"),
                A2aProtocol.OPERATIONS_EXTENSION))));
        fleet.server.stubFor(post("/vehicles/a2a").willReturn(okJson("""
                {"jsonrpc": "2.0", "id": "{{jsonPath request.body '$.id'}}", "result": {"kind": "task",
                 "id": "{{jsonPath request.body '$.params.message.messageId'}}", "contextId": "c-1",
                 "status": {"state": "completed"}, "artifacts": [{"artifactId": "a-1", "parts":
                   [{"kind": "data", "data": {"make": "Honda", "model": "Civic", "year": 2021}}]}]}}""")
                .withTransformers("response-template")));
        registry.refresh();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Client client(boolean streaming) throws A2AClientException {
        return Client.builder(card)
                .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .build();
    }

    private Task send(String text, String messageId) throws Exception {
        CompletableFuture<Task> answer = new CompletableFuture<>();
        client.sendMessage(A2A.toUserMessage(text, messageId),
                List.of((event, c) -> answer.complete(((TaskEvent) event).getTask())), answer::completeExceptionally);
        return answer.get(30, TimeUnit.SECONDS);
    }

    private int paymentLinks() {
        return fleet.server.findAll(postRequestedFor(urlEqualTo("/payment/execute"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("create_payment_link")))).size();
    }

    @Test
    void publishesACardWithOneSkillForRequestsInPlainLanguage() {
        assertThat(card.url()).isEqualTo("http://localhost:" + port + "/a2a");
        assertThat(card.capabilities().streaming()).isTrue();
        assertThat(card.skills()).singleElement().satisfies(skill -> {
            assertThat(skill.id()).isEqualTo("dealership_request");
            assertThat(skill.examples()).contains(SEED);
        });
    }

    @Test
    void runsTheSeedRequestAsATaskNamedByItsMessage() throws Exception {
        String id = "a2a-" + UUID.randomUUID();

        Task task = send(SEED, id);

        assertThat(task.getId()).isEqualTo(id);
        assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(((TextPart) task.getArtifacts().get(0).parts().get(0)).getText())
                .contains("AUTOMOTIVE SERVICE EXECUTION SUMMARY", "Progress: 4/4 steps completed");
        assertThat(client.getTask(new TaskQueryParams(id)).getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(new HttpJson("http://localhost:" + port).get("/workflow/" + id).text("status"))
                .isEqualTo("completed");

        Task again = send(SEED, id);
        assertThat(again.getId()).isEqualTo(id);
        assertThat(paymentLinks()).isEqualTo(1);
    }

    /** Streams a message until a status event with {@code final: true}; answers every event the client got. */
    private List<ClientEvent> stream(String text, String messageId) throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Client streaming = client(true);
        try {
            streaming.sendMessage(A2A.toUserMessage(text, messageId), List.of((event, c) -> {
                events.add(event);
                if (event instanceof TaskUpdateEvent update && update.getUpdateEvent()
                        instanceof TaskStatusUpdateEvent status && status.isFinal()) {
                    done.complete(null);
                }
            }), done::completeExceptionally);
            done.get(30, TimeUnit.SECONDS);
        } finally {
            streaming.close();
        }
        return events;
    }

    private static List<TaskStatusUpdateEvent> statusUpdates(List<ClientEvent> events) {
        return events.stream().filter(TaskUpdateEvent.class::isInstance)
                .map(event -> ((TaskUpdateEvent) event).getUpdateEvent())
                .filter(TaskStatusUpdateEvent.class::isInstance).map(TaskStatusUpdateEvent.class::cast).toList();
    }

    private static String message(TaskStatusUpdateEvent update) {
        return update.getStatus().message() == null ? ""
                : ((TextPart) update.getStatus().message().getParts().get(0)).getText();
    }

    @Test
    void streamsEachStepFromTheWorkflowEventsThenTheSummaryAndTheLastStatus() throws Exception {
        String id = "a2a-stream-" + UUID.randomUUID();

        List<ClientEvent> events = stream(SEED, id);

        assertThat(events.get(0)).isInstanceOf(TaskEvent.class);
        List<TaskStatusUpdateEvent> updates = statusUpdates(events);
        List<TaskStatusUpdateEvent> progress = updates.subList(0, updates.size() - 1);
        assertThat(progress).as("one working update per event of the workflow").isNotEmpty()
                .allSatisfy(update -> {
                    assertThat(update.getStatus().state()).isEqualTo(TaskState.WORKING);
                    assertThat(update.isFinal()).isFalse();
                    assertThat(update.getTaskId()).isEqualTo(id);
                });
        assertThat(progress).extracting(A2aApiTest::message)
                .anySatisfy(text -> assertThat(text).startsWith("Planned 4 steps"))
                .filteredOn(text -> text.contains(" completed in ")).hasSize(4);
        assertThat(progress).extracting(update -> update.getMetadata().get("workflow_event"))
                .contains("workflow_planned", "step_started", "step_completed");
        List<Long> seqs = progress.stream().map(update -> ((Number) update.getMetadata().get("seq")).longValue())
                .toList();
        assertThat(seqs).as("in the order of the events").isSorted();
        assertThat(seqs).as("each progress update is a journaled event, none left out").containsExactlyElementsOf(
                workflowEvents.replay(id, 0).stream().filter(event -> !event.last()).map(WorkflowEvent::seq).toList());

        ClientEvent artifact = events.get(events.size() - 2);
        assertThat(((TaskUpdateEvent) artifact).getUpdateEvent()).isInstanceOf(TaskArtifactUpdateEvent.class);
        TaskStatusUpdateEvent last = updates.get(updates.size() - 1);
        assertThat(last.isFinal()).isTrue();
        assertThat(last.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        Task task = ((TaskUpdateEvent) events.get(events.size() - 1)).getTask();
        assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(((TextPart) task.getArtifacts().get(0).parts().get(0)).getText())
                .contains("Progress: 4/4 steps completed");
    }

    @Test
    void aStreamEndsInputRequiredWhenTheWorkflowWaitsForApproval() throws Exception {
        String id = "a2a-stream-wait-" + UUID.randomUUID();

        List<ClientEvent> events = stream(SEED.replace("100$", "900$"), id);

        List<TaskStatusUpdateEvent> updates = statusUpdates(events);
        TaskStatusUpdateEvent last = updates.get(updates.size() - 1);
        assertThat(last.isFinal()).isTrue();
        assertThat(last.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);
        assertThat(message(last)).contains("approver");
        assertThat(updates.subList(0, updates.size() - 1)).extracting(A2aApiTest::message)
                .as("the read-only steps ran before the pause")
                .anySatisfy(text -> assertThat(text).contains(" completed in "));
        assertThat(client.cancelTask(new TaskIdParams(id)).getStatus().state()).isEqualTo(TaskState.CANCELED);
    }

    @Test
    void resubscribesToATaskOnceItIsApprovedAndFollowsItToTheEnd() throws Exception {
        String id = "a2a-resubscribe-" + UUID.randomUUID();
        fleet.server.stubFor(WireMockFleet.execute("payment", "create_payment_link").willReturn(okJson(
                WireMockFleet.ok("{\"payment_id\":\"PAY-2\",\"payment_link\":\"https://pay.example/PAY-2\"}"))
                .withFixedDelay(1500)));   // still running when the client comes back
        assertThat(send(SEED.replace("100$", "900$"), id).getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);
        assertThat(new HttpJson("http://localhost:" + port).post("/workflow/" + id + "/approve",
                "{\"comment\": \"customer confirmed\"}").status()).isEqualTo(200);

        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Client streaming = client(true);
        try {
            streaming.resubscribe(new TaskIdParams(id), List.of((event, c) -> {
                events.add(event);
                if (event instanceof TaskUpdateEvent update && update.getUpdateEvent()
                        instanceof TaskStatusUpdateEvent status && status.isFinal()) {
                    done.complete(null);
                }
            }), done::completeExceptionally, null);
            done.get(30, TimeUnit.SECONDS);
        } finally {
            streaming.close();
        }

        List<TaskStatusUpdateEvent> updates = statusUpdates(events);
        assertThat(updates).extracting(A2aApiTest::message)
                .anySatisfy(text -> assertThat(text).startsWith("Approved by"))
                .anySatisfy(text -> assertThat(text).startsWith("create_payment_1 completed in"));
        assertThat(updates.get(updates.size() - 1).getStatus().state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void cancelsAWorkflowThatAwaitsApprovalAndNothingOfItRuns() throws Exception {
        String id = "a2a-cancel-" + UUID.randomUUID();
        int before = paymentLinks();

        Task waiting = send(SEED.replace("100$", "900$"), id);
        assertThat(waiting.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);
        assertThat(((TextPart) waiting.getStatus().message().getParts().get(0)).getText()).contains("approver");

        Task canceled = client.cancelTask(new TaskIdParams(id));

        assertThat(canceled.getStatus().state()).isEqualTo(TaskState.CANCELED);
        assertThat(client.getTask(new TaskQueryParams(id)).getStatus().state()).isEqualTo(TaskState.CANCELED);
        assertThat(paymentLinks()).isEqualTo(before);
        assertThatThrownBy(() -> client.cancelTask(new TaskIdParams(id))).isInstanceOf(A2AClientException.class)
                .hasMessageContaining("can be canceled");
    }

    @Test
    void answersBadRequestsWithJsonRpcErrorsAndNoInternals() {
        HttpJson http = new HttpJson("http://localhost:" + port);
        assertThat(http.post("/a2a", "[1,").body().at("/error/code").asInt()).isEqualTo(-32700);
        HttpJson.Reply noText = http.post("/a2a", """
                {"jsonrpc":"2.0","id":3,"method":"message/send","params":{"message":{"kind":"message","role":"user",
                 "messageId":"m-1","parts":[{"kind":"data","data":{"operation":"x"}}]}}}""");
        assertThat(noText.body().at("/id").asInt()).isEqualTo(3);
        assertThat(noText.body().at("/error/code").asInt()).isEqualTo(-32602);
        HttpJson.Reply badId = http.post("/a2a", """
                {"jsonrpc":"2.0","id":4,"method":"message/send","params":{"message":{"kind":"message","role":"user",
                 "messageId":"no spaces allowed","parts":[{"kind":"text","text":"Show RO 1001"}]}}}""");
        assertThat(badId.body().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(badId.body().at("/error/message").asText()).contains("request_id");
        HttpJson.Reply unknown = http.post("/a2a",
                "{\"jsonrpc\":\"2.0\",\"id\":\"g\",\"method\":\"tasks/get\",\"params\":{\"id\":\"nope\"}}");
        assertThat(unknown.body().at("/error/code").asInt()).isEqualTo(-32001);
        for (HttpJson.Reply reply : List.of(noText, badId, unknown)) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().toString()).doesNotContain("Exception", "at com.", "io.a2a");
        }
    }

    @Test
    void callsASkillOfAnA2aAgentDiscoveredByItsCard() {
        assertThat(registry.catalog().services()).containsKey("vehicles");
        String id = "a2a-agent-" + UUID.randomUUID();
        HttpJson.Reply done = new HttpJson("http://localhost:" + port).post("/execute-plan", """
                {"request_id": "%s", "user_request": "Decode VIN 1HGCM82633A004352", "workflow_plan": {
                 "plan_id": "p-%s", "execution_steps": [{"step_id": "decode_1", "service_name": "vehicles",
                 "operation": "decode_vin", "parameters": {"vin": "1HGCM82633A004352"}}]}}""".formatted(id, id));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().at("/execution_results/steps/decode_1/status").asText()).isEqualTo("completed");
        assertThat(done.body().at("/execution_results/steps/decode_1/result/model").asText()).isEqualTo("Civic");
        fleet.server.verify(postRequestedFor(urlEqualTo("/vehicles/a2a"))
                .withRequestBody(matchingJsonPath("$.method", equalTo("message/send")))
                .withRequestBody(matchingJsonPath("$.params.message.parts[0].data.operation", equalTo("decode_vin")))
                .withRequestBody(matchingJsonPath("$.params.message.metadata.idempotency_key",
                        equalTo(id + ":decode_1"))));
    }

    @Test
    void refusesAnUnknownMethod() {
        HttpJson.Reply reply = new HttpJson("http://localhost:" + port).post("/a2a",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/teleport\",\"params\":{}}");
        assertThat(reply.body().at("/error/code").asInt()).isEqualTo(-32601);
    }
}
