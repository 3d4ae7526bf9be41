package com.autoretail.sales.support;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.sales.inventory.InventoryClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Objects;

/**
 * The sales agent against WireMock playing the inventory agent, rules classifier, memory sessions; one context
 * shared by every subclass. Retries wait milliseconds and calls time out after 500 ms, so that failures are quick;
 * the breaker and the cache start empty for each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WireMockInventoryTest {

    protected static final WireMockServer inventory = InventoryStub.server();

    @LocalServerPort
    protected int port;
    @Autowired
    protected CircuitBreakerRegistry breakers;
    @Autowired
    private CacheManager inventoryCacheManager;

    @DynamicPropertySource
    static void inventoryOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("sales.inventory.url", InventoryStub::url);
        registry.add("sales.inventory.timeout", () -> "500ms");
        registry.add("resilience4j.retry.instances.inventory.wait-duration", () -> "10ms");
        registry.add("server.shutdown", () -> "immediate");
    }

    @BeforeEach
    void freshInventory() {
        inventory.resetAll();
        breakers.circuitBreaker("inventory").reset();
        Objects.requireNonNull(inventoryCacheManager.getCache(InventoryClient.STOCK_CACHE)).clear();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected HttpJson http() {
        return new HttpJson(baseUrl());
    }

    protected Chat chat(String sessionId) {
        return new Chat(baseUrl(), sessionId);
    }
}
