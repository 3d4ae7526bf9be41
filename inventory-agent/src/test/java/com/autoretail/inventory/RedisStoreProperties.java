package com.autoretail.inventory;

import com.autoretail.common.testsupport.TestRedis;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings of an inventory agent on the test Redis, its keys under a prefix of the test's own. */
final class RedisStoreProperties {

    private RedisStoreProperties() {
    }

    static void add(DynamicPropertyRegistry registry, String prefix) {
        registry.add("inventory.store", () -> "redis");
        registry.add("inventory.redis-key-prefix", () -> prefix);
        registry.add("agent.idempotency.redis-key-prefix", () -> prefix + "execute:");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("server.shutdown", () -> "immediate");
    }
}
