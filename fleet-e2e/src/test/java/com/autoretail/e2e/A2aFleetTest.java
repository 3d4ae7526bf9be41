package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;
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
import io.a2a.spec.AgentSkill;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet on the A2A protocol, as separate processes, through the A2A Java SDK's client: an agent's card and a
 * DataPart message (a side effect once under one message id, counted in the parts server's stock); the orchestrator's
 * card, the architecture document's request as message/send, tasks/get, message/stream (the workflow's events as
 * working updates, the summary, the last status) and the cancel of a workflow awaiting approval; and an
 * orchestrator that discovers the parts agent as an A2A agent by its card and runs a step on it.
 */
class A2aFleetTest {

    static final String SEED = FleetEndToEndTest.SEED_REQUEST;
    static final String CARD = "/.well-known/agent-card.json";

    static FleetProcesses fleet;

    @BeforeAll
    static void startFleet() {
        fleet = FleetProcesses.get();
        HttpJson orchestrator = new HttpJson(fleet.url("orchestrator"));
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.get("/health").text("status").equals("UP"));
    }

    private static Client client(String baseUrl, boolean streaming) throws Exception {
        return Client.builder(A2A.getAgentCard(baseUrl))
                .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .build();
    }

    private static Task send(Client client, Message message) throws Exception {
        CompletableFuture<Task> answer = new CompletableFuture<>();
        client.sendMessage(message, List.of((event, card) -> answer.complete(((TaskEvent) event).getTask())),
                answer::completeExceptionally);
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static Message operation(String messageId, String operation, Map<String, Object> parameters) {
        return new Message.Builder().role(Message.Role.USER).messageId(messageId)
                .parts(List.<Part<?>>of(new DataPart(Map.of("operation", operation, "parameters", parameters))))
                .build();
    }

    private static int stock(String partNumber) {
        return new HttpJson(fleet.url("parts")).post("/execute", "{\"operation\":\"check_part_availability\","
                + "\"parameters\":{\"part_number\":\"" + partNumber + "\"}}").body().at("/result/stock").asInt();
    }

    @Test
    void anAgentRunsADataPartMessageAndItsSideEffectOnce() throws Exception {
        AgentCard card = A2A.getAgentCard(fleet.url("parts"));
        assertThat(card.skills()).extracting(AgentSkill::id).contains("get_part_details", "reserve_parts");
        assertThat(card.skills().stream().filter(s -> s.id().equals("reserve_parts")).findFirst().orElseThrow()
                .tags()).contains("parts", "risk:reversible");
        String messageId = "a2a-reserve-" + UUID.randomUUID();
        int before = stock("1234");

        try (AutoCloseableClient parts = new AutoCloseableClient(client(fleet.url("parts"), false))) {
            Task details = send(parts.client, operation(UUID.randomUUID().toString(), "get_part_details",
                    Map.of("part_number", "1234")));
            assertThat(details.getStatus().state()).isEqualTo(TaskState.COMPLETED);
            assertThat(((DataPart) details.getArtifacts().get(0).parts().get(0)).getData())
                    .containsEntry("part_number", "1234");

            Map<String, Object> reserve = Map.of("part_numbers", List.of("1234"), "repair_order_id", "1234");
            Task first = send(parts.client, operation(messageId, "reserve_parts", reserve));
            Task again = send(parts.client, operation(messageId, "reserve_parts", reserve));

            assertThat(first.getStatus().state()).isEqualTo(TaskState.COMPLETED);
            assertThat(again.getMetadata()).containsEntry("replayed", true);
            assertThat(((DataPart) again.getArtifacts().get(0).parts().get(0)).getData().get("reservation_id"))
                    .isEqualTo(((DataPart) first.getArtifacts().get(0).parts().get(0)).getData()
                            .get("reservation_id"));
        }
        assertThat(stock("1234")).isEqualTo(before - 1);
    }

    @Test
    void theOrchestratorRunsTheSeedRequestAsATask() throws Exception {
        AgentCard card = A2A.getAgentCard(fleet.url("orchestrator"));
        assertThat(card.skills()).singleElement().satisfies(skill -> assertThat(skill.examples()).contains(SEED));
        String id = "a2a-seed-" + UUID.randomUUID();

        try (AutoCloseableClient orchestrator = new AutoCloseableClient(client(fleet.url("orchestrator"), false))) {
            Task task = send(orchestrator.client, A2A.toUserMessage(SEED, id));

            assertThat(task.getId()).isEqualTo(id);
            assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
            assertThat(((TextPart) task.getArtifacts().get(0).parts().get(0)).getText())
                    .contains("Progress: 4/4 steps completed");
            assertThat(orchestrator.client.getTask(new TaskQueryParams(id)).getStatus().state())
                    .isEqualTo(TaskState.COMPLETED);
        }
    }

    @Test
    void theOrchestratorStreamsATaskToItsEnd() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (AutoCloseableClient orchestrator = new AutoCloseableClient(client(fleet.url("orchestrator"), true))) {
            orchestrator.client.sendMessage(A2A.toUserMessage("Show the repair history of RO 1001",
                    "a2a-stream-" + UUID.randomUUID()), List.of((event, card) -> {
                events.add(event);
                if (event instanceof TaskUpdateEvent update
                        && update.getUpdateEvent() instanceof TaskStatusUpdateEvent status && status.isFinal()) {
                    done.complete(null);
                }
            }), done::completeExceptionally);
            done.get(60, TimeUnit.SECONDS);
        }
        assertThat(events.get(0)).isInstanceOf(TaskEvent.class);
        List<TaskStatusUpdateEvent> progress = events.stream().filter(TaskUpdateEvent.class::isInstance)
                .map(event -> ((TaskUpdateEvent) event).getUpdateEvent())
                .filter(TaskStatusUpdateEvent.class::isInstance).map(TaskStatusUpdateEvent.class::cast)
                .filter(update -> !update.isFinal()).toList();
        assertThat(progress).as("the workflow's events as working updates").extracting(update ->
                ((TextPart) update.getStatus().message().getParts().get(0)).getText())
                .contains("Planned 1 step (rules planner)")
                .anySatisfy(text -> assertThat(text).endsWith(" started: repair_orders.get_repair_history"))
                .anySatisfy(text -> assertThat(text).contains(" completed in "));
        assertThat(progress).extracting(update -> update.getMetadata().get("workflow_event"))
                .containsExactly("workflow_planned", "step_started", "step_completed");
        assertThat(((TaskUpdateEvent) events.get(events.size() - 2)).getUpdateEvent())
                .isInstanceOf(TaskArtifactUpdateEvent.class);
        Task last = ((TaskUpdateEvent) events.get(events.size() - 1)).getTask();
        assertThat(last.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void aCancelRejectsAWorkflowAwaitingApprovalAndRunsNothingOfIt() throws Exception {
        String id = "a2a-cancel-" + UUID.randomUUID();
        try (AutoCloseableClient orchestrator = new AutoCloseableClient(client(fleet.url("orchestrator"), false))) {
            Task waiting = send(orchestrator.client, A2A.toUserMessage(SEED.replace("100$", "900$"), id));
            assertThat(waiting.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);

            Task canceled = orchestrator.client.cancelTask(new TaskIdParams(id));

            assertThat(canceled.getStatus().state()).isEqualTo(TaskState.CANCELED);
            assertThat(new HttpJson(fleet.url("orchestrator")).get("/workflow/" + id)
                    .body().at("/execution_results/steps/create_payment_1/status").asText()).isEqualTo("not_run");
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    orchestrator.client.cancelTask(new TaskIdParams(id))).isInstanceOf(A2AClientException.class);
        }
    }

    @Test
    void anOrchestratorDiscoversAnA2aAgentByItsCardAndRunsAStepOnIt() {
        FleetProcesses.Service discovering = fleet.startInstance("a2a-orchestrator", "orchestrator",
                Map.of("A2A_AGENTS", "parts_a2a=" + fleet.url("parts") + CARD), List.of());
        HttpJson orchestrator = new HttpJson(discovering.url());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                orchestrator.get("/services").body().at("/parts_a2a/0/status").asText().equals("healthy"));
        String id = "a2a-discovered-" + UUID.randomUUID();

        JsonNode done = orchestrator.post("/execute-plan", """
                {"request_id": "%s", "user_request": "Details of part 1234", "workflow_plan": {"plan_id": "p-%s",
                 "execution_steps": [{"step_id": "details_1", "service_name": "parts_a2a",
                 "operation": "get_part_details", "parameters": {"part_number": "1234"}}]}}""".formatted(id, id))
                .body();

        assertThat(done.at("/execution_results/steps/details_1/status").asText()).isEqualTo("completed");
        assertThat(done.at("/execution_results/steps/details_1/result/part_number").asText()).isEqualTo("1234");
    }

    /** An SDK client closed at the end of a try block. */
    private record AutoCloseableClient(Client client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
