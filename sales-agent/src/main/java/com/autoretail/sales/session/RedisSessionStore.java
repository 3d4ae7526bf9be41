package com.autoretail.sales.session;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;

/**
 * Sessions in Redis, one JSON string per session under {@code <prefix><id>} with the idle time as its TTL:
 * shared by every instance and kept across restarts. An unreachable Redis is {@code UPSTREAM_UNAVAILABLE} (503).
 */
class RedisSessionStore implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper mapper;
    private final String prefix;
    private final Duration ttl;

    RedisSessionStore(StringRedisTemplate redis, ObjectMapper mapper, String prefix, Duration ttl) {
        this.redis = redis;
        this.mapper = mapper;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    @Override
    public Optional<Session> find(String id) {
        String json = redis(() -> redis.opsForValue().get(prefix + id));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, Session.class));
        } catch (JsonProcessingException e) {
            // a session written by an incompatible version: start afresh rather than refuse the customer
            log.warn("Unreadable session {} in Redis, starting a new one: {}", id, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(Session session) {
        String json;
        try {
            json = mapper.writeValueAsString(session);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Session " + session.id() + " cannot be written as JSON", e);
        }
        redis(() -> {
            redis.opsForValue().set(prefix + session.id(), json, ttl);
            return null;
        });
    }

    private static <T> T redis(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The session store (Redis) is unavailable; please try again", null, e);
        }
    }
}
