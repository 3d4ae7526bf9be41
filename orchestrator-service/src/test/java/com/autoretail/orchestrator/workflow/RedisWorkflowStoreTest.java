package com.autoretail.orchestrator.workflow;

import com.autoretail.common.testsupport.TestRedisKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

class RedisWorkflowStoreTest extends WorkflowStoreContract {

    @RegisterExtension
    static final TestRedisKeys REDIS = new TestRedisKeys("test:orchestrator");

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final RedisWorkflowStore store = new RedisWorkflowStore(REDIS.template(), MAPPER, REDIS.prefix(),
            Duration.ofHours(1));

    @Override
    WorkflowStore store() {
        return store;
    }
}
