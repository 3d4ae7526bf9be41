package com.autoretail.orchestrator.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;

/** Workflow records as JSON in Redis, each expiring after the retention, shared by every orchestrator. */
class RedisWorkflowStore implements WorkflowStore {

    private final StringRedisTemplate redis;
    private final ObjectMapper mapper;
    private final String prefix;
    private final Duration retention;

    RedisWorkflowStore(StringRedisTemplate redis, ObjectMapper mapper, String prefix, Duration retention) {
        this.redis = redis;
        this.mapper = mapper;
        this.prefix = prefix;
        this.retention = retention;
    }

    @Override
    public void save(WorkflowStatus status) {
        try {
            redis.opsForValue().set(prefix + status.requestId(), mapper.writeValueAsString(status), retention);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable workflow " + status.requestId(), e);
        }
    }

    @Override
    public Optional<WorkflowStatus> find(String requestId) {
        String json = redis.opsForValue().get(prefix + requestId);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, WorkflowStatus.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable workflow " + requestId, e);
        }
    }
}
