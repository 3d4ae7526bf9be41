package com.autoretail.orchestrator.workflow;

import com.autoretail.common.testsupport.TestRedisKeys;
import com.autoretail.orchestrator.events.EventSignal;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet-wide Redis Stream of workflow events, as a dealership system reads it: with a consumer group, each
 * event delivered to one consumer of the group, in order, with the fields the README documents; and each
 * workflow's own stream, which lives as long as the workflow.
 */
class RedisWorkflowEventStreamTest {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:orchestrator-events");

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration RETENTION = Duration.ofHours(1);

    private final String stream = REDIS.prefix() + "workflow-events";
    private final RedisWorkflowStore store = new RedisWorkflowStore(REDIS.template(), MAPPER, REDIS.prefix(),
            RETENTION, stream, 1000, Duration.ofMillis(50), new EventSignal());

    private WorkflowStore.Lease ranToItsEnd(String id) {
        WorkflowStore.Lease lease = ((WorkflowStore.Claimed) store.claim(WorkflowStoreContract.entry(id, "r"), "a",
                LONG)).lease();
        WorkflowStatus planning = WorkflowStoreContract.entry(id, "r").status();
        WorkflowStatus executing = new WorkflowStatus(id, WorkflowStatus.Stage.EXECUTING, "r", null,
                new com.autoretail.orchestrator.plan.WorkflowPlan("wf_1", "low", 1, List.of(), List.of(), Map.of()),
                null, null, null, 0.5, planning.deadline(), planning.timestamp());
        assertThat(store.write(lease, executing, LONG)).isTrue();
        assertThat(store.finish(lease, executing.at(WorkflowStatus.Stage.COMPLETED, null, "done", null, 0.75)))
                .isTrue();
        return lease;
    }

    @Test
    void aConsumerGroupGetsEveryEventOfTheFleetOnceInOrder() throws Exception {
        StringRedisTemplate redis = REDIS.template();
        ranToItsEnd("wf-before-the-group");   // the stream exists before the group is made, as in production
        redis.opsForStream().createGroup(stream, ReadOffset.latest(), "crm");
        String first = WorkflowStoreContract.newId();
        String second = WorkflowStoreContract.newId();
        ranToItsEnd(first);
        ranToItsEnd(second);

        List<MapRecord<String, Object, Object>> delivered = new ArrayList<>();
        for (String consumer : List.of("crm-1", "crm-2", "crm-1")) {
            List<MapRecord<String, Object, Object>> batch = redis.opsForStream().read(Consumer.from("crm", consumer),
                    StreamReadOptions.empty().count(2), StreamOffset.create(stream, ReadOffset.lastConsumed()));
            delivered.addAll(batch);
            batch.forEach(record -> redis.opsForStream().acknowledge(stream, "crm", record.getId()));
        }

        assertThat(delivered).extracting(record -> record.getValue().get("workflow_id") + "#"
                        + record.getValue().get("seq") + " " + record.getValue().get("type"))
                .containsExactly(first + "#1 workflow_planned", first + "#2 workflow_ended",
                        second + "#1 workflow_planned", second + "#2 workflow_ended");
        Map<Object, Object> ended = delivered.get(1).getValue();
        assertThat(ended.get("step_id")).isEqualTo("");
        JsonNode data = MAPPER.readTree((String) ended.get("data"));
        assertThat(data.path("workflow_id").asText()).isEqualTo(first);
        assertThat(data.path("seq").asLong()).isEqualTo(2);
        assertThat(data.path("type").asText()).isEqualTo("workflow_ended");
        assertThat(data.has("step_id")).isTrue();
        assertThat(data.path("payload").path("status").asText()).isEqualTo("completed");
        assertThat(data.path("payload").path("duration_ms").asDouble()).isEqualTo(750.0);
        assertThat(redis.opsForStream().pending(stream, "crm").getTotalPendingMessages()).isZero();
    }

    @Test
    void aWorkflowsOwnStreamIsReadFromAnySeqAndExpiresWithTheWorkflow() {
        String id = WorkflowStoreContract.newId();
        ranToItsEnd(id);

        List<WorkflowEvent> all = store.after(id, 0, 100);
        assertThat(all).extracting(WorkflowEvent::seq).containsExactly(1L, 2L);
        assertThat(store.after(id, 1, 100)).extracting(WorkflowEvent::type).containsExactly("workflow_ended");

        Long eventsTtl = REDIS.template().getExpire(REDIS.prefix() + "events:" + id);
        Long recordTtl = REDIS.template().getExpire(REDIS.prefix() + "workflow:" + id);
        assertThat(eventsTtl).isPositive().isLessThanOrEqualTo(RETENTION.toSeconds());
        assertThat(Math.abs(eventsTtl - recordTtl)).isLessThanOrEqualTo(1);
    }
}
