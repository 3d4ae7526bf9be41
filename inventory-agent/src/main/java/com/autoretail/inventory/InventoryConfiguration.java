package com.autoretail.inventory;

import com.autoretail.common.wire.AgentHealth;
import com.autoretail.inventory.store.InMemoryInventoryStore;
import com.autoretail.inventory.store.InventoryStore;
import com.autoretail.inventory.store.RedisInventoryStore;
import com.autoretail.inventory.store.SeedCatalog;
import com.autoretail.inventory.store.StoreMaintenance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;

/** The store chosen by {@code inventory.store}, its seed and reaper, and the operations on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

    /** The in-memory store's clock; the Redis store goes by Redis's own, shared by every instance. */
    @Bean
    Clock inventoryClock() {
        return Clock.systemUTC();
    }

    @Bean
    SeedCatalog seedCatalog(InventoryProperties properties) {
        return SeedCatalog.read(properties.seedFile());
    }

    @Bean
    InventoryStore inventoryStore(InventoryProperties properties, Clock inventoryClock,
                                  ObjectProvider<StringRedisTemplate> redis,
                                  ObjectProvider<RedisConnectionDetails> redisDetails) {
        return switch (properties.store()) {
            case MEMORY -> new InMemoryInventoryStore(inventoryClock, properties.holdRetention(),
                    properties.limits().holdLimits());
            case REDIS -> new RedisInventoryStore(redis.getObject(), properties.redisKeyPrefix(),
                    properties.holdRetention(), properties.limits().holdLimits(),
                    redisEndpoint(redisDetails.getIfAvailable()));
        };
    }

    @Bean
    StoreMaintenance storeMaintenance(InventoryStore store, SeedCatalog seed, InventoryProperties properties) {
        return new StoreMaintenance(store, seed.products(), properties.reaperInterval(),
                properties.reaperBatchSize());
    }

    @Bean
    InventoryService inventoryService(InventoryStore store, SeedCatalog seed, InventoryProperties properties) {
        return new InventoryService(store, seed.locations(), properties.maxQuantity(), properties.defaultTtl(),
                properties.maxTtl());
    }

    /** The store in Actuator's health and readiness, as in {@code /health}. */
    @Bean
    HealthIndicator storeHealthIndicator(InventoryStore store) {
        return () -> {
            AgentHealth.Dependency state = store.health();
            Health.Builder health = state.isUp() ? Health.up() : Health.down();
            health.withDetail("endpoint", state.endpoint());
            if (state.detail() != null) {
                health.withDetail("detail", state.detail());
            }
            return health.build();
        };
    }

    // host and port only: the configured URL may carry a password, and /health is open to everyone
    private static String redisEndpoint(RedisConnectionDetails details) {
        if (details == null || details.getStandalone() == null) {
            return "redis";
        }
        return "redis://" + details.getStandalone().getHost() + ":" + details.getStandalone().getPort();
    }
}
