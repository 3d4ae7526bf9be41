package com.autoretail.common.a2a;

import com.autoretail.common.fixture.TestAgent;
import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.security.ApiKeys;
import com.autoretail.common.testsupport.HttpJson;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.spec.APIKeySecurityScheme;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentExtension;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent as an A2A client sees it, through the A2A Java SDK's client over JSON-RPC: the open card derived from its
 * capabilities, an operation run by a DataPart message, its idempotent replay, failures as failed tasks and bad
 * requests as JSON-RPC errors.
 */
@SpringBootTest(classes = TestAgentApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.security.keys.service.key=service-key", "spring.ai.mcp.server.enabled=false",
                "server.shutdown=immediate"})
class AgentA2aTest {

    private static final ClientCallContext SERVICE_KEY = new ClientCallContext(Map.of(),
            Map.of(ApiKeys.HEADER, "service-key"));

    @LocalServerPort
    int port;

    private AgentCard card;

    @BeforeEach
    void fetchCard() throws Exception {
        card = A2A.getAgentCard(base());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Task send(Message message) throws Exception {
        List<ClientEvent> events = new ArrayList<>();
        Client client = Client.builder(card)
                .clientConfig(new ClientConfig.Builder().setStreaming(false).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .build();
        try {
            client.sendMessage(message, List.of((event, c) -> events.add(event)), e -> { }, SERVICE_KEY);
        } finally {
            client.close();
        }
        assertThat(events).singleElement().isInstanceOf(TaskEvent.class);
        return ((TaskEvent) events.get(0)).getTask();
    }

    private static Message call(String messageId, String operation, Map<String, Object> parameters) {
        return new Message.Builder().role(Message.Role.USER).messageId(messageId)
                .parts(List.<Part<?>>of(new DataPart(Map.of("operation", operation, "parameters", parameters))))
                .build();
    }

    @Test
    void publishesAnOpenCardWithASkillAndASchemaPerOperation() {
        assertThat(card.url()).isEqualTo(base() + "/a2a");
        assertThat(card.skills()).extracting(AgentSkill::id).contains("add_numbers", "slow_job");
        AgentSkill slow = card.skills().stream().filter(s -> s.id().equals("slow_job")).findFirst().orElseThrow();
        assertThat(slow.tags()).contains("risk:irreversible", "source:local");
        AgentExtension operations = card.capabilities().extensions().stream()
                .filter(e -> e.uri().equals(A2aProtocol.OPERATIONS_EXTENSION)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) operations.params().get("operations");
        assertThat(schemas).containsKeys("add_numbers", "slow_job");
        assertThat(schemas.get("slow_job").toString()).contains("seconds");
        assertThat(card.securitySchemes()).hasEntrySatisfying("api_key", scheme ->
                assertThat(((APIKeySecurityScheme) scheme).getName()).isEqualTo(ApiKeys.HEADER));
    }

    @Test
    void runsTheOperationOfADataPart() throws Exception {
        Task task = send(call(UUID.randomUUID().toString(), "add_numbers", Map.of("a", 1, "b", 2)));

        assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        DataPart result = (DataPart) task.getArtifacts().get(0).parts().get(0);
        assertThat(((Number) result.getData().get("sum")).doubleValue()).isEqualTo(3.0);
    }

    @Test
    void runsASideEffectOnceUnderOneMessageId() throws Exception {
        String messageId = "a2a-once-" + UUID.randomUUID();
        int before = TestAgent.slowRuns.get();

        Task first = send(call(messageId, "slow_job", Map.of("seconds", 0)));
        Task again = send(call(messageId, "slow_job", Map.of("seconds", 0)));

        assertThat(first.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(again.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(again.getId()).isEqualTo(first.getId()).isEqualTo(messageId);
        assertThat(again.getMetadata()).containsEntry("replayed", true);
        assertThat(TestAgent.slowRuns.get() - before).isEqualTo(1);
    }

    @Test
    void takesTheIdempotencyKeyOfTheRequestsMetadataOverTheMessageId() {
        HttpJson http = new HttpJson(base(), Map.of(ApiKeys.HEADER, "service-key"));
        String key = "a2a-key-" + UUID.randomUUID();
        String send = """
                {"jsonrpc":"2.0","id":"%s","method":"message/send","params":{"metadata":{"idempotency_key":"%s"},
                 "message":{"kind":"message","role":"user","messageId":"%s","parts":[{"kind":"data",
                 "data":{"operation":"slow_job","parameters":{"seconds":0}}}]}}}""";
        int before = TestAgent.slowRuns.get();

        HttpJson.Reply first = http.post("/a2a", send.formatted("1", key, UUID.randomUUID()));
        HttpJson.Reply again = http.post("/a2a", send.formatted("2", key, UUID.randomUUID()));

        assertThat(first.body().at("/result/id").asText()).isEqualTo(key);
        assertThat(first.body().at("/result/status/state").asText()).isEqualTo("completed");
        assertThat(again.body().at("/result/metadata/replayed").asBoolean()).isTrue();
        assertThat(TestAgent.slowRuns.get() - before).isEqualTo(1);
    }

    @Test
    void answersAFailedOperationAsAFailedTaskWithItsErrorCode() throws Exception {
        Task task = send(call(UUID.randomUUID().toString(), "add_numbers", Map.of("a", 1)));

        assertThat(task.getStatus().state()).isEqualTo(TaskState.FAILED);
        assertThat(task.getMetadata()).containsEntry("error_code", "VALIDATION_ERROR");
        assertThat(((TextPart) task.getStatus().message().getParts().get(0)).getText()).contains("b");
    }

    @Test
    void answersBadRequestsWithJsonRpcErrorsAndNoInternals() {
        HttpJson http = new HttpJson(base(), Map.of(ApiKeys.HEADER, "service-key"));
        assertThat(http.post("/a2a", "{not json").body().path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(http.post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/explode\"}").body()
                .path("error").path("code").asInt()).isEqualTo(-32601);
        HttpJson.Reply noData = http.post("/a2a", """
                {"jsonrpc":"2.0","id":"x","method":"message/send","params":{"message":{"kind":"message",
                 "role":"user","messageId":"m","parts":[{"kind":"text","text":"add 1 and 2"}]}}}""");
        assertThat(noData.body().path("id").asText()).isEqualTo("x");
        assertThat(noData.body().path("error").path("code").asInt()).isEqualTo(-32602);
        HttpJson.Reply malformed = http.post("/a2a", """
                {"jsonrpc":"2.0","id":"y","method":"message/send","params":{"message":{"parts":7}}}""");
        assertThat(malformed.body().path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(malformed.body().toString()).doesNotContain("io.a2a", "Exception", "at com.");
    }

    @Test
    void refusesTheEndpointWithoutTheServiceKey() {
        HttpJson.Reply reply = new HttpJson(base()).post("/a2a",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{}}");
        assertThat(reply.status()).isEqualTo(401);
    }
}
