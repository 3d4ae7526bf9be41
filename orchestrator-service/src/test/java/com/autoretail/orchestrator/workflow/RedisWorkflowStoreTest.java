package com.autoretail.orchestrator.workflow;

import com.autoretail.common.testsupport.TestRedisKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aClaimListsTheWorkflowInTheIndexOfRecentOnesWhichExpiresWithTheWorkflowsItLists() {
        String id = newId();
        assertThat(store.claim(entry(id, "indexed"), "a", LONG)).isInstanceOf(WorkflowStore.Claimed.class);

        String index = REDIS.prefix() + "recent";
        assertThat(REDIS.template().opsForZSet().score(index, id)).as("scored by when it was claimed")
                .isPositive();
        assertThat(REDIS.template().getExpire(index, TimeUnit.SECONDS)).isBetween(3500L, 3600L);
        assertThat(store.recent(1)).extracting(WorkflowStatus::requestId).containsExactly(id);
    }
}
