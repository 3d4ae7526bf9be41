package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in Redis, shared by every instance of an agent and kept across restarts. Each record is a hash
 * ({@code operation}, {@code fingerprint}, {@code owner}, {@code lease}, {@code response}); every check-and-change
 * is one Lua script. Leases are read on Redis' own clock, so instances whose clocks differ agree on them. A record
 * in flight expires only after its retention, however often its owner comes and goes.
 */
public class RedisIdempotencyStore implements IdempotencyStore {

    private static final String NOW = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            """;

    private static final RedisScript<List> CLAIM = RedisScript.of(NOW + """
            local found = redis.call('HMGET', KEYS[1], 'operation', 'fingerprint', 'owner', 'response', 'lease')
            if found[1] then
              local same = (found[2] and found[2] == ARGV[2]) or (not found[2] and found[1] == ARGV[1])
              if found[4] or not same or tonumber(found[5] or '0') > now then
                return {found[1], found[2], found[3], found[4]}
              end
            end
            redis.call('HSET', KEYS[1], 'operation', ARGV[1], 'fingerprint', ARGV[2], 'owner', ARGV[3],
              'lease', string.format('%.0f', now + tonumber(ARGV[4])))
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return {}
            """, List.class);

    private static final String OWNED = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'response') == 1 then
              return 0
            end
            """;

    private static final RedisScript<Long> RENEW = RedisScript.of(NOW + OWNED + """
            redis.call('HSET', KEYS[1], 'lease', string.format('%.0f', now + tonumber(ARGV[2])))
            return 1
            """, Long.class);

    private static final RedisScript<Long> ABANDON = RedisScript.of(OWNED + """
            redis.call('HSET', KEYS[1], 'lease', '0')
            return 1
            """, Long.class);

    private static final RedisScript<Long> COMPLETE = RedisScript.of(OWNED + """
            redis.call('HSET', KEYS[1], 'response', ARGV[2])
            redis.call('HDEL', KEYS[1], 'lease')
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of(OWNED + """
            return redis.call('DEL', KEYS[1])
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper mapper;
    private final String prefix;

    public RedisIdempotencyStore(StringRedisTemplate redis, ObjectMapper mapper, String prefix) {
        this.redis = redis;
        this.mapper = mapper;
        this.prefix = prefix;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<IdempotencyRecord> claim(String key, String operation, String fingerprint, String owner,
                                             Duration lease, Duration retention) {
        List<Object> found = redis.execute(CLAIM, List.of(prefix + key), operation, fingerprint, owner,
                Long.toString(lease.toMillis()), Long.toString(retention.toMillis()));
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toRecord((String) found.get(0), (String) found.get(1), (String) found.get(2),
                (String) found.get(3)));
    }

    @Override
    public boolean renew(String key, String owner, Duration lease) {
        Long renewed = redis.execute(RENEW, List.of(prefix + key), owner, Long.toString(lease.toMillis()));
        return renewed != null && renewed == 1;
    }

    @Override
    public void complete(String key, String owner, AgentServiceResponse response, Duration retention) {
        redis.execute(COMPLETE, List.of(prefix + key), owner, write(response), Long.toString(retention.toMillis()));
    }

    @Override
    public void release(String key, String owner) {
        redis.execute(RELEASE, List.of(prefix + key), owner);
    }

    @Override
    public void abandon(String key, String owner) {
        redis.execute(ABANDON, List.of(prefix + key), owner);
    }

    @Override
    public Optional<IdempotencyRecord> find(String key) {
        Map<Object, Object> hash = redis.opsForHash().entries(prefix + key);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toRecord((String) hash.get("operation"), (String) hash.get("fingerprint"),
                (String) hash.get("owner"), (String) hash.get("response")));
    }

    private IdempotencyRecord toRecord(String operation, String fingerprint, String owner, String response) {
        try {
            return new IdempotencyRecord(operation, fingerprint, owner,
                    response == null ? null : mapper.readValue(response, AgentServiceResponse.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable idempotency record", e);
        }
    }

    private String write(AgentServiceResponse response) {
        try {
            return mapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable response", e);
        }
    }
}
