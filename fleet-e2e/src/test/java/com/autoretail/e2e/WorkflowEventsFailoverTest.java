package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workflow events across a crash, against real processes: an orchestrator is killed with SIGKILL while a step of its
 * workflow runs, another one on the same Redis takes the workflow over and ends it. A client that followed the
 * events on the second orchestrator from the start saw every one live, the dead one's included; the journal holds
 * one {@code workflow_planned}, one {@code workflow_ended}, every step completed once, the step that was running
 * started a second time ({@code resumed}, attempt 2), numbered 1..n without a gap; and a consumer group on the
 * fleet-wide Redis Stream gets the same events.
 */
class WorkflowEventsFailoverTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration SLOW = Duration.ofSeconds(3);

    static FleetProcesses fleet;
    static PrivateRedis redis;
    static DelayingProxy partsAgent;
    static String firstUrl;
    static String secondUrl;

    @BeforeAll
    static void startTwoOrchestratorsOnOneRedis() {
        fleet = FleetProcesses.get();
        redis = new PrivateRedis("events-redis");
        partsAgent = new DelayingProxy(fleet.service("parts").port());
        Map<String, String> env = Map.of("PARTS_SERVICE_URL", partsAgent.url());
        firstUrl = fleet.startOrchestratorOn(redis, "events-orchestrator-a", env).url();
        secondUrl = fleet.startOrchestratorOn(redis, "events-orchestrator-b", env).url();
        for (String url : List.of(firstUrl, secondUrl)) {
            HttpJson orchestrator = new HttpJson(url);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    "healthy".equals(orchestrator.get("/health").body().at("/services/parts/status").asText()));
        }
    }

    @AfterAll
    static void stop() {
        if (partsAgent != null) {
            partsAgent.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** A read of the repair order, then two slow reads of the part: the orchestrator dies during the first. */
    private static String plan(String requestId) {
        return """
                {"request_id": "%s", "user_request": "Details and stock of part 1234 for RO 1234",
                 "workflow_plan": {"plan_id": "%s", "execution_steps": [
                  {"step_id": "ro", "service_name": "repair_orders", "operation": "get_repair_order_details",
                   "parameters": {"repair_order_id": "1234"}},
                  {"step_id": "part", "service_name": "parts", "operation": "get_part_details",
                   "parameters": {"part_number": "1234"}, "dependencies": ["ro"]},
                  {"step_id": "stock", "service_name": "parts", "operation": "check_part_availability",
                   "parameters": {"part_number": "1234"}, "dependencies": ["part"]}]}}"""
                .formatted(requestId, requestId);
    }

    /** One event as the stream carried it. */
    record Event(long id, String type, JsonNode data) {
        String stepId() {
            return data.path("step_id").asText(null);
        }
    }

    @Test
    void noEventIsLostOrInventedWhenAnOrchestratorDiesMidWorkflow() throws Exception {
        String id = "events-failover-1";
        partsAgent.delay(SLOW);
        Thread.ofVirtual().start(() -> {
            try {
                new HttpJson(firstUrl).post("/execute-plan", plan(id));
            } catch (RuntimeException e) {
                // the orchestrator dies with the request open: the events, not this answer, tell the outcome
            }
        });
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> new HttpJson(secondUrl).get("/workflow/" + id).status() == 200);
        List<Event> live = new CopyOnWriteArrayList<>();
        Thread follower = Thread.ofVirtual().start(() -> read(secondUrl + "/workflow/" + id + "/events", live));

        await().atMost(Duration.ofSeconds(20)).until(() -> live.stream()
                .anyMatch(e -> e.type().equals("step_started") && "part".equals(e.stepId())));
        fleet.kill("events-orchestrator-a");
        partsAgent.delay(Duration.ofMillis(200));

        follower.join(Duration.ofSeconds(60));
        assertThat(follower.isAlive()).as("the stream ends with the workflow").isFalse();
        List<Event> replayed = new ArrayList<>();
        read(secondUrl + "/workflow/" + id + "/events", replayed);

        assertThat(live).as("followed live across the crash").isEqualTo(replayed);
        assertThat(replayed).extracting(Event::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, replayed.size()).boxed().toList());
        assertThat(replayed).extracting(e -> e.data().path("seq").asLong()).containsExactlyElementsOf(
                LongStream.rangeClosed(1, replayed.size()).boxed().toList());
        assertThat(count(replayed, "workflow_planned", null)).isEqualTo(1);
        assertThat(count(replayed, "workflow_ended", null)).isEqualTo(1);
        assertThat(replayed.getFirst().type()).isEqualTo("workflow_planned");
        assertThat(replayed.getLast().type()).isEqualTo("workflow_ended");
        assertThat(replayed.getLast().data().at("/payload/status").asText()).isEqualTo("completed");
        for (String step : List.of("ro", "part", "stock")) {
            assertThat(count(replayed, "step_completed", step)).as(step + " completed").isEqualTo(1);
            assertThat(count(replayed, "step_failed", step)).as(step + " failed").isZero();
        }
        assertThat(count(replayed, "step_started", "ro")).isEqualTo(1);
        assertThat(count(replayed, "step_started", "stock")).isEqualTo(1);
        List<Event> partStarts = replayed.stream()
                .filter(e -> e.type().equals("step_started") && "part".equals(e.stepId())).toList();
        assertThat(partStarts).as("started, then started again by the orchestrator that took over").hasSize(2);
        assertThat(partStarts.get(0).data().at("/payload/attempt").asInt()).isEqualTo(1);
        assertThat(partStarts.get(1).data().at("/payload/attempt").asInt()).isEqualTo(2);
        assertThat(partStarts.get(1).data().at("/payload/resumed").asBoolean()).isTrue();

        assertThat(fromTheFleetStream(id)).as("the consumer group's view of the same workflow")
                .containsExactlyElementsOf(replayed.stream().map(e -> e.id() + " " + e.type()).toList());
    }

    /** Reads the fleet-wide stream as a dealership system does: a consumer group, each entry acknowledged. */
    private static List<String> fromTheFleetStream(String workflowId) {
        URI uri = URI.create(redis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            StringRedisTemplate template = new StringRedisTemplate(factory);
            String stream = "orchestrator:journal:workflow-events";
            template.opsForStream().createGroup(stream, ReadOffset.from("0"), "crm");
            List<String> delivered = new ArrayList<>();
            while (true) {
                List<MapRecord<String, Object, Object>> batch = template.opsForStream().read(
                        Consumer.from("crm", "crm-1"), StreamReadOptions.empty().count(50),
                        StreamOffset.create(stream, ReadOffset.lastConsumed()));
                if (batch == null || batch.isEmpty()) {
                    return delivered;
                }
                for (MapRecord<String, Object, Object> record : batch) {
                    if (workflowId.equals(record.getValue().get("workflow_id"))) {
                        delivered.add(record.getValue().get("seq") + " " + record.getValue().get("type"));
                    }
                    template.opsForStream().acknowledge(stream, "crm", record.getId());
                }
            }
        } finally {
            factory.destroy();
        }
    }

    private static long count(List<Event> events, String type, String stepId) {
        return events.stream().filter(e -> e.type().equals(type)
                && java.util.Objects.equals(stepId, e.stepId())).count();
    }

    /** Reads a whole event stream (it ends after workflow_ended) into {@code into}, frame by frame. */
    private static void read(String url, List<Event> into) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET()
                .build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            long[] id = {0};
            String[] type = {null};
            try (var lines = response.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("id: ")) {
                        id[0] = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        type[0] = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        try {
                            into.add(new Event(id[0], type[0], MAPPER.readTree(line.substring(6))));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
