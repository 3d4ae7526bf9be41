package com.autoretail.orchestrator.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.events.EventDraft;
import com.autoretail.orchestrator.events.EventSignal;
import com.autoretail.orchestrator.events.WorkflowEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The journal in Redis, shared by every orchestrator and kept across their restarts (with Redis persistence on).
 * Each workflow is a hash ({@code status}, {@code submission}, {@code fingerprint}, {@code fence}, {@code owner},
 * {@code parked} while it waits for a person);
 * a sorted set holds the unfinished ones scored by when their lease ends, another every workflow scored by when it was
 * claimed (the index of {@link #recent}, trimmed to its newest entries and expiring with the workflows it lists).
 * Every check-and-change is one Lua script,
 * and leases are measured in Redis time, so that orchestrators with different clocks agree on who owns what.
 * <p>
 * The script that writes a change also appends its events, numbered by the hash's {@code event_seq}: to the
 * workflow's own stream ({@code events:<id>}, entry id {@code <seq>-0}, kept as long as the workflow) and to
 * the fleet-wide stream that other systems read with a consumer group (capped near its max length): see
 * {@link RedisJournalEvents}.
 */
class RedisWorkflowStore implements WorkflowStore {

    private static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;

    private static final RedisScript<List> CLAIM = RedisScript.of(NOW + """
            if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HGET', KEYS[1], 'reclaimable') ~= '1' then
              return redis.call('HMGET', KEYS[1], 'status', 'submission', 'fingerprint')
            end
            redis.call('DEL', KEYS[1], KEYS[3])
            redis.call('HSET', KEYS[1], 'status', ARGV[2], 'submission', ARGV[3], 'fingerprint', ARGV[4],
                       'fence', 1, 'owner', ARGV[5])
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[6]), ARGV[1])
            redis.call('ZADD', KEYS[5], now, ARGV[1])
            redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -(tonumber(ARGV[7]) + 1))
            redis.call('PEXPIRE', KEYS[5], ARGV[8])
            return {}
            """, List.class);

    private static final String HOLDS = """
            if redis.call('HGET', KEYS[1], 'fence') ~= ARGV[2] or redis.call('HGET', KEYS[1], 'owner') ~= ARGV[3]
               or redis.call('ZSCORE', KEYS[2], ARGV[1]) == false then
              return 0
            end
            """;

    private static final RedisScript<Long> WRITE = RedisScript.of(NOW + RedisJournalEvents.EMIT + HOLDS + """
            if ARGV[4] ~= '' then
              emit(6)
              redis.call('HSET', KEYS[1], 'status', ARGV[4])
            end
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[1])
            return 1
            """, Long.class);

    private static final RedisScript<Long> PARK = RedisScript.of(NOW + RedisJournalEvents.EMIT + HOLDS + """
            emit(6)
            redis.call('HSET', KEYS[1], 'status', ARGV[4], 'parked', '1')
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[1])
            return 1
            """, Long.class);

    private static final String TAKE = """
            local fence = redis.call('HINCRBY', KEYS[1], 'fence', 1)
            redis.call('HSET', KEYS[1], 'owner', ARGV[2])
            redis.call('HDEL', KEYS[1], 'parked')
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
            local kept = redis.call('HMGET', KEYS[1], 'status', 'submission', 'fingerprint', 'event_seq')
            return {tostring(fence), kept[1], kept[2], kept[3], kept[4] or '0'}
            """;

    private static final RedisScript<List> TAKE_PARKED = RedisScript.of(NOW + """
            if redis.call('HGET', KEYS[1], 'parked') ~= '1' or redis.call('ZSCORE', KEYS[2], ARGV[1]) == false then
              return {}
            end
            """ + TAKE, List.class);

    private static final RedisScript<Long> FINISH = RedisScript.of(RedisJournalEvents.EMIT + HOLDS + """
            emit(7)
            redis.call('HSET', KEYS[1], 'status', ARGV[4], 'reclaimable', ARGV[6])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[3], ARGV[5])
            return 1
            """, Long.class);

    private static final RedisScript<List> EXPIRED = RedisScript.of(NOW + """
            return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
            """, List.class);

    private static final RedisScript<List> TAKE_OVER = RedisScript.of(NOW + """
            local lease_end = redis.call('ZSCORE', KEYS[2], ARGV[1])
            if lease_end == false or tonumber(lease_end) > now then return {} end
            if redis.call('EXISTS', KEYS[1]) == 0 then
              redis.call('ZREM', KEYS[2], ARGV[1])
              return {}
            end
            """ + TAKE, List.class);

    /** The most workflows the index of {@link #recent} keeps; older ones are still found by id. */
    static final int MAX_INDEXED = 10_000;

    private final StringRedisTemplate redis;
    private final ObjectMapper mapper;
    private final String prefix;
    private final String leases;
    private final String recentIndex;
    private final Duration retention;
    private final RedisJournalEvents events;

    RedisWorkflowStore(StringRedisTemplate redis, ObjectMapper mapper, String prefix, Duration retention) {
        this(redis, mapper, prefix, retention, prefix + OrchestratorProperties.Events.STREAM_SUFFIX,
                OrchestratorProperties.Events.MAX_LENGTH, Duration.ofMillis(250), new EventSignal());
    }

    /**
     * @param fleetStream          the fleet-wide stream of every workflow's events
     * @param fleetStreamMaxLength its approximate cap ({@code XADD MAXLEN ~})
     * @param pollEvery            how often a follower reads a workflow's stream for events other orchestrators wrote
     */
    RedisWorkflowStore(StringRedisTemplate redis, ObjectMapper mapper, String prefix, Duration retention,
                       String fleetStream, long fleetStreamMaxLength, Duration pollEvery, EventSignal signal) {
        this.redis = redis;
        this.mapper = mapper;
        this.prefix = prefix + "workflow:";
        this.leases = prefix + "leases";
        this.recentIndex = prefix + "recent";
        this.retention = retention;
        this.events = new RedisJournalEvents(redis, mapper, this.prefix, prefix + "events:", fleetStream,
                fleetStreamMaxLength, pollEvery, signal);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Claim claim(Entry entry, String owner, Duration leaseFor) {
        String requestId = entry.status().requestId();
        // claimed and listed in the index of recent() in one round trip
        List<String> keys = new ArrayList<>(keys(requestId));
        keys.add(recentIndex);
        List<Object> known = redis.execute(CLAIM, keys, requestId, json(entry.status()),
                json(entry.submission()), entry.fingerprint(), owner, millis(leaseFor),
                Integer.toString(MAX_INDEXED), millis(retention));
        if (known == null || known.isEmpty()) {
            events.claimed(requestId, entry.status());
            return new Claimed(new Lease(requestId, owner, 1));
        }
        return new Known(entry((String) known.get(0), (String) known.get(1), (String) known.get(2)));
    }

    @Override
    public boolean write(Lease lease, WorkflowStatus status, Duration leaseFor) {
        return change(WRITE, lease, status, false, json(status), millis(leaseFor));
    }

    @Override
    public boolean finish(Lease lease, WorkflowStatus status) {
        return change(FINISH, lease, status, true, json(status), millis(retention),
                status.workflowPlan() == null ? "1" : "0");
    }

    @Override
    public boolean renew(Lease lease, Duration leaseFor) {
        return one(redis.execute(WRITE, keys(lease.requestId()), lease.requestId(), Long.toString(lease.fence()),
                lease.owner(), "", millis(leaseFor)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> expired(int max) {
        List<Object> ids = redis.execute(EXPIRED, List.of(leases), Integer.toString(max));
        return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
    }

    @Override
    public boolean park(Lease lease, WorkflowStatus status, Duration waitFor) {
        return change(PARK, lease, status, true, json(status), millis(waitFor));
    }

    /** Runs a script that changes the workflow under the lease, with the change's events; false when refused. */
    private boolean change(RedisScript<Long> script, Lease lease, WorkflowStatus status, boolean lastWrite,
                           String... change) {
        List<EventDraft> drafts = events.of(lease, status);
        List<String> args = new ArrayList<>(List.of(lease.requestId(), Long.toString(lease.fence()), lease.owner()));
        args.addAll(List.of(change));
        events.addArgs(args, lease, drafts);
        boolean done = one(redis.execute(script, keys(lease.requestId()), args.toArray()));
        events.written(lease, status, drafts, done, lastWrite);
        return done;
    }

    @Override
    public Optional<Taken> takeParked(String requestId, String owner, Duration leaseFor) {
        return taken(requestId, owner, TAKE_PARKED, leaseFor);
    }

    @Override
    public Optional<Taken> takeOver(String requestId, String owner, Duration leaseFor) {
        return taken(requestId, owner, TAKE_OVER, leaseFor);
    }

    @SuppressWarnings("unchecked")
    private Optional<Taken> taken(String requestId, String owner, RedisScript<List> script, Duration leaseFor) {
        List<Object> taken = redis.execute(script, keys(requestId), requestId, owner, millis(leaseFor));
        if (taken == null || taken.isEmpty()) {
            return Optional.empty();
        }
        Lease lease = new Lease(requestId, owner, Long.parseLong((String) taken.get(0)));
        Entry entry = entry((String) taken.get(1), (String) taken.get(2), (String) taken.get(3));
        events.taken(lease, entry.status(), (String) taken.get(4));
        return Optional.of(new Taken(lease, entry));
    }

    @Override
    public Optional<WorkflowStatus> find(String requestId) {
        Object status = redis.opsForHash().get(prefix + requestId, "status");
        return status == null ? Optional.empty() : Optional.of(read((String) status, WorkflowStatus.class));
    }

    @Override
    public List<WorkflowStatus> recent(int max) {
        List<WorkflowStatus> found = new ArrayList<>();
        long from = 0;
        while (found.size() < max) {
            Set<String> ids = redis.opsForZSet().reverseRange(recentIndex, from, from + max - 1);
            if (ids == null || ids.isEmpty()) {
                break;
            }
            List<String> page = List.copyOf(ids);
            List<Object> statuses = redis.executePipelined((RedisCallback<Object>) connection -> {
                page.forEach(id -> connection.hashCommands().hGet(bytes(prefix + id), bytes("status")));
                return null;
            });
            int forgotten = 0;
            for (int i = 0; i < page.size() && found.size() < max; i++) {
                Object status = statuses.get(i);
                if (status == null) {
                    // expired with its retention: out of the index too
                    redis.opsForZSet().remove(recentIndex, page.get(i));
                    forgotten++;
                } else {
                    found.add(read((String) status, WorkflowStatus.class));
                }
            }
            from += page.size() - forgotten;
        }
        return found;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public List<WorkflowEvent> after(String workflowId, long afterSeq, int max) {
        return events.after(workflowId, afterSeq, max);
    }

    @Override
    public Duration pollEvery() {
        return events.pollEvery();
    }

    private List<String> keys(String requestId) {
        return List.of(prefix + requestId, leases, events.stream(requestId), events.fleetStream());
    }

    private Entry entry(String status, String submission, String fingerprint) {
        return new Entry(read(status, WorkflowStatus.class), read(submission, Submission.class), fingerprint);
    }

    private static boolean one(Long result) {
        return result != null && result == 1L;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable workflow record", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable workflow record", e);
        }
    }
}
