package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.events.EventDraft;
import com.autoretail.orchestrator.events.EventSignal;
import com.autoretail.orchestrator.events.WorkflowEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events side of {@link RedisWorkflowStore}: the Lua that appends a write's events in the write's own script,
 * their arguments, and the reading of a workflow's stream. A write's events are what changed since the status this
 * orchestrator last journaled (or took over) of the workflow, kept here for the workflows it runs.
 */
final class RedisJournalEvents {

    /**
     * Defines {@code emit(first)}: appends the events given from ARGV[first] on ({@code count}, the stream's max
     * length, the workflow id as JSON, the {@code event_seq} the writer saw; then {@code type}, {@code step_id} and
     * the rest of the event's JSON per event) to the workflow's stream (KEYS[3], entry id {@code <seq>-0}) and to the
     * fleet-wide stream (KEYS[4]), numbered after the hash's (KEYS[1]) {@code event_seq}. A write sent again after
     * its answer was lost finds {@code event_seq} moved on and appends nothing twice.
     */
    static final String EMIT = """
            local function emit(first)
              local count = tonumber(ARGV[first])
              if count == 0 then return end
              local seq = tonumber(redis.call('HGET', KEYS[1], 'event_seq') or '0')
              if seq ~= tonumber(ARGV[first + 3]) then return end
              for i = 0, count - 1 do
                local at = first + 4 + i * 3
                seq = seq + 1
                local data = '{"workflow_id":' .. ARGV[first + 2] .. ',"seq":' .. seq .. ',' .. ARGV[at + 2]
                redis.call('XADD', KEYS[3], seq .. '-0', 'data', data)
                redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[first + 1], '*', 'workflow_id', ARGV[1],
                           'seq', seq, 'type', ARGV[at], 'step_id', ARGV[at + 1], 'data', data)
              end
              redis.call('HSET', KEYS[1], 'event_seq', seq)
            end
            """;

    /** What this orchestrator last journaled of a workflow under a fence, and the workflow's last seq then. */
    private record Written(long fence, WorkflowStatus status, long seq) {
    }

    private final StringRedisTemplate redis;
    private final ObjectMapper mapper;
    private final String hashPrefix;
    private final String streamPrefix;
    private final String fleetStream;
    private final long fleetStreamMaxLength;
    private final Duration pollEvery;
    private final EventSignal signal;
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    RedisJournalEvents(StringRedisTemplate redis, ObjectMapper mapper, String hashPrefix, String streamPrefix,
                       String fleetStream, long fleetStreamMaxLength, Duration pollEvery, EventSignal signal) {
        this.redis = redis;
        this.mapper = mapper;
        this.hashPrefix = hashPrefix;
        this.streamPrefix = streamPrefix;
        this.fleetStream = fleetStream;
        this.fleetStreamMaxLength = fleetStreamMaxLength;
        this.pollEvery = pollEvery;
        this.signal = signal;
    }

    /** The workflow's own stream. */
    String stream(String requestId) {
        return streamPrefix + requestId;
    }

    String fleetStream() {
        return fleetStream;
    }

    Duration pollEvery() {
        return pollEvery;
    }

    /** A workflow claimed here: nothing recorded of it yet. */
    void claimed(String requestId, WorkflowStatus status) {
        written.put(requestId, new Written(1, status, 0));
    }

    /** A workflow taken here, as the journal held it. */
    void taken(WorkflowStore.Lease lease, WorkflowStatus status, String seq) {
        written.put(lease.requestId(), new Written(lease.fence(), status, seq == null ? 0 : Long.parseLong(seq)));
    }

    /** The events of writing this status under the lease. */
    List<EventDraft> of(WorkflowStore.Lease lease, WorkflowStatus status) {
        return JournalEvents.between(before(lease).status(), status);
    }

    /** Adds the events' arguments (see {@link #EMIT}) after the change's own. */
    void addArgs(List<String> args, WorkflowStore.Lease lease, List<EventDraft> events) {
        args.add(Integer.toString(events.size()));
        args.add(Long.toString(fleetStreamMaxLength));
        args.add(json(lease.requestId()));
        args.add(Long.toString(before(lease).seq()));
        for (EventDraft event : events) {
            args.add(event.type().wireName());
            args.add(event.stepId() == null ? "" : event.stepId());
            Map<String, Object> rest = new LinkedHashMap<>();
            rest.put("type", event.type().wireName());
            rest.put("step_id", event.stepId());
            rest.put("time", event.time().toString());
            rest.put("payload", event.payload());
            args.add(json(rest).substring(1));   // the script puts workflow_id and seq before it
        }
    }

    /**
     * After a write: keeps what was journaled as the next write's "before", or forgets a workflow no longer run here
     * (the write was refused, or it was the last this orchestrator makes); wakes the local followers.
     */
    void written(WorkflowStore.Lease lease, WorkflowStatus status, List<EventDraft> events, boolean done,
                 boolean lastWrite) {
        if (!done || lastWrite) {
            written.remove(lease.requestId());
        } else {
            written.put(lease.requestId(), new Written(lease.fence(), status, before(lease).seq() + events.size()));
        }
        if (done && !events.isEmpty()) {
            signal.signal();
        }
    }

    List<WorkflowEvent> after(String requestId, long afterSeq, int max) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream(requestId),
                Range.rightUnbounded(Range.Bound.exclusive(afterSeq + "-0")), Limit.limit().count(max));
        if (records == null) {
            return List.of();
        }
        return records.stream().map(record -> read((String) record.getValue().get("data"), WorkflowEvent.class))
                .toList();
    }

    private Written before(WorkflowStore.Lease lease) {
        Written before = written.get(lease.requestId());
        if (before != null && before.fence() == lease.fence()) {
            return before;
        }
        // neither claimed nor taken here under this lease (not expected): what the journal holds
        List<Object> kept = redis.opsForHash().multiGet(hashPrefix + lease.requestId(), List.of("status", "event_seq"));
        WorkflowStatus status = kept.get(0) == null ? null : read((String) kept.get(0), WorkflowStatus.class);
        Written read = new Written(lease.fence(), status, kept.get(1) == null ? 0 : Long.parseLong((String) kept.get(1)));
        written.put(lease.requestId(), read);
        return read;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable workflow event", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable workflow event", e);
        }
    }
}
