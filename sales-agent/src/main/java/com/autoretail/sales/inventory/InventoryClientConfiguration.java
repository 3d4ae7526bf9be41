package com.autoretail.sales.inventory;

import com.autoretail.sales.SalesProperties;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

/** The inventory client: its HTTP client, the Resilience4j instances {@code inventory} and the stock cache. */
@Configuration(proxyBeanMethods = false)
class InventoryClientConfiguration {

    static final String RESILIENCE_INSTANCE = "inventory";
    private static final int MAX_CACHED_SKUS = 10_000;

    @Bean
    CacheManager inventoryCacheManager(SalesProperties properties) {
        CaffeineCacheManager caches = new CaffeineCacheManager(InventoryClient.STOCK_CACHE);
        caches.setCaffeine(Caffeine.newBuilder()
                .expireAfterWrite(properties.inventory().cacheTtl())
                .maximumSize(MAX_CACHED_SKUS)
                .recordStats());
        caches.setAllowNullValues(false);
        return caches;
    }

    @Bean
    InventoryClient inventoryClient(RestClient.Builder builder, SalesProperties properties,
                                    RetryRegistry retries, CircuitBreakerRegistry breakers,
                                    CacheManager inventoryCacheManager) {
        SalesProperties.Inventory inventory = properties.inventory();
        var settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(inventory.timeout())
                .withReadTimeout(inventory.timeout());
        // HTTP/1.1: the JDK client's h2c upgrade attempt on plain http buys nothing here; virtual threads for the
        // client's own work, else every call starts a platform thread to send its body
        var requestFactory = ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newVirtualThreadPerTaskExecutor()))
                .build(settings);
        RestClient http = builder.clone()
                .baseUrl(inventory.url())
                .requestFactory(requestFactory)
                .defaultHeaders(headers -> {
                    if (inventory.apiKey() != null && !inventory.apiKey().isBlank()) {
                        headers.set("X-API-Key", inventory.apiKey());
                    }
                })
                .build();
        return new InventoryClient(http, retries.retry(RESILIENCE_INSTANCE), breakers.circuitBreaker(RESILIENCE_INSTANCE),
                inventoryCacheManager.getCache(InventoryClient.STOCK_CACHE));
    }
}
