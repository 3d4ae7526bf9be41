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
 * ({@code operation}, {@code owner}, {@code response}); every check-and-change is one Lua script.
 */
public class RedisIdempotencyStore implements IdempotencyStore {

    private static final RedisScript<List> CLAIM = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return redis.call('HMGET', KEYS[1], 'operation', 'owner', 'response')
            end
            redis.call('HSET', KEYS[1], 'operation', ARGV[1], 'owner', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {}
            """, List.class);

    private static final RedisScript<Long> COMPLETE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'response') == 0 then
              redis.call('HSET', KEYS[1], 'response', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              return 1
            end
            return 0
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'response') == 0 then
              return redis.call('DEL', KEYS[1])
            end
            return 0
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
    public Optional<IdempotencyRecord> claim(String key, String operation, String owner, Duration ttl) {
        List<Object> found = redis.execute(CLAIM, List.of(prefix + key), operation, owner,
                Long.toString(ttl.toMillis()));
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toRecord((String) found.get(0), (String) found.get(1), (String) found.get(2)));
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
    public Optional<IdempotencyRecord> find(String key) {
        Map<Object, Object> hash = redis.opsForHash().entries(prefix + key);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toRecord((String) hash.get("operation"), (String) hash.get("owner"),
                (String) hash.get("response")));
    }

    private IdempotencyRecord toRecord(String operation, String owner, String response) {
        try {
            return new IdempotencyRecord(operation, owner,
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
