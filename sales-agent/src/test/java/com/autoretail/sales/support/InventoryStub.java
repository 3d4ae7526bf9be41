package com.autoretail.sales.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock playing the inventory agent (and, for the LLM tests, the OpenAI API), one server per test JVM. HTTP/2
 * over plain text is off: the JDK client's upgrade attempt would otherwise reach WireMock with an empty body.
 */
public final class InventoryStub {

    private static WireMockServer server;

    private InventoryStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String url() {
        return server().baseUrl();
    }

    /** {@code GET /inventory/{sku}} answers this stock; stores named STORE_001... in order. */
    public static void stock(String sku, int online, int... stores) {
        Map<String, Integer> byStore = new TreeMap<>();
        for (int i = 0; i < stores.length; i++) {
            byStore.put("STORE_%03d".formatted(i + 1), stores[i]);
        }
        int total = online + byStore.values().stream().mapToInt(Integer::intValue).sum();
        String storeJson = byStore.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        server().stubFor(get(urlEqualTo("/inventory/" + sku)).willReturn(okJson("""
                {"sku":"%s","name":"Bosch Brake Pad Set","price":72.43,"online_stock":%d,"store_stock":%s,
                 "total_stock":%d,"reserved":0}""".formatted(sku, online, storeJson, total))));
    }

    /** {@code POST /hold} with this idempotency key answers this hold. */
    public static void hold(String key, int httpStatus, String holdId, String sku, int quantity, int remaining,
                            String status) {
        server().stubFor(holdRequest(key).willReturn(holdAnswer(httpStatus, holdId, sku, quantity, remaining, status)));
    }

    public static MappingBuilder holdRequest(String key) {
        return post(urlEqualTo("/hold")).withHeader("X-Idempotency-Key", equalTo(key));
    }

    public static ResponseDefinitionBuilder holdAnswer(int httpStatus, String holdId, String sku, int quantity,
                                                       int remaining, String status) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json").withBody("""
                {"hold_id":"%s","sku":"%s","quantity":%d,"location":"online","remaining_stock":%d,
                 "created_at":"2026-11-21T10:00:00Z","expires_at":"2026-11-21T10:05:00Z","status":"%s"}"""
                .formatted(holdId, sku, quantity, remaining, status));
    }

    /** An RFC 9457 problem as the inventory agent answers its refusals. */
    public static ResponseDefinitionBuilder problem(int status, String errorCode, String detail, String details) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                {"type":"about:blank","title":"refused","status":%d,"detail":"%s","request_id":"r-1",
                 "error_code":"%s","details":%s}""".formatted(status, detail, errorCode, details));
    }

    public static MappingBuilder anyStockRead() {
        return get(urlEqualTo("/inventory/SKU000001"));
    }
}
