package com.autoretail.inventory;

import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.security.Caller;
import com.autoretail.common.testsupport.FreePorts;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.inventory.store.HoldLimits;
import com.autoretail.inventory.store.RedisInventoryStore;
import com.autoretail.inventory.wire.HoldRequest;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With Redis unreachable the agent reports its store DOWN and answers operations as retryable, not as bugs. */
class StoreUnavailableTest {

    @Test
    void unreachableRedisIsDownInHealthAndUpstreamUnavailableForOperations() {
        int closedPort = FreePorts.next();
        var connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        connections.afterPropertiesSet();
        try {
            var store = new RedisInventoryStore(new StringRedisTemplate(connections), "test:", Duration.ofHours(1),
                    HoldLimits.NONE, "redis://127.0.0.1:" + closedPort);
            var inventory = new InventoryService(store, List.of("online"), 100, Duration.ofMinutes(5),
                    Duration.ofHours(1));
            var agent = new InventoryAgent(new AgentToolkit(Optional.empty(), null), inventory, store);

            AgentHealth.Dependency health = agent.dependencies().get("store");
            assertThat(health.status()).isEqualTo(AgentHealth.DOWN);
            assertThat(health.endpoint()).isEqualTo("redis://127.0.0.1:" + closedPort);

            assertThatThrownBy(() -> inventory.inventory("SKU000001"))
                    .isInstanceOfSatisfying(AgentException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE));
            assertThatThrownBy(() -> inventory.hold(new HoldRequest("SKU000001", 1, null, null), "k", "key",
                    Caller.OPEN))
                    .isInstanceOfSatisfying(AgentException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE));
        } finally {
            connections.destroy();
        }
    }
}
