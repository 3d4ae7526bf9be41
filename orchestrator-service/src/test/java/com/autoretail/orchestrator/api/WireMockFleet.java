package com.autoretail.orchestrator.api;

import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock playing the five agents at {@code /<service key>}: their health, their real capabilities (the
 * planning fixture) and answers to the operations of the architecture document's example. Registered as a JUnit
 * extension of a Spring test: reset before each test (and the orchestrator's registry re-read), stopped after all.
 */
final class WireMockFleet implements BeforeEachCallback, AfterAllCallback {

    static final List<String> SERVICES = List.of("payment", "parts", "repair_orders", "inventory", "sales");

    final WireMockServer server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true)
            .containerThreads(40));

    WireMockFleet() {
        server.start();
        reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
        SpringExtension.getApplicationContext(context).getBean(ServiceRegistry.class).refresh();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    void reset() {
        server.resetAll();
        JsonNode capabilities = readCapabilities();
        for (String service : SERVICES) {
            server.stubFor(get("/" + service + "/health").willReturn(okJson("{\"status\":\"UP\"}")));
            server.stubFor(get("/" + service + "/capabilities")
                    .willReturn(okJson(capabilities.get(service).toString())));
        }
        server.stubFor(execute("repair_orders", "get_repair_order_details").willReturn(okJson(ok(
                "{\"repair_order_id\":\"1234\",\"status\":\"in_progress\",\"customer_id\":\"ambujmehra\"}"))));
        server.stubFor(execute("parts", "get_part_details").willReturn(okJson(ok(
                "{\"part_number\":\"1234\",\"name\":\"Brake Pad Set\",\"available\":true}"))));
        server.stubFor(execute("parts", "reserve_parts").willReturn(okJson(ok(
                "{\"reservation_id\":\"RES-000001\",\"repair_order_id\":\"1234\"}"))));
        server.stubFor(execute("payment", "create_payment_link").willReturn(okJson(ok(
                "{\"payment_id\":\"PAY-1\",\"payment_link\":\"https://pay.autoretail.example/PAY-1\"}"))));
    }

    /** Points the orchestrator at this fleet, with no discovery rounds but the ones a test asks for. */
    void register(DynamicPropertyRegistry registry) {
        for (String service : SERVICES) {
            registry.add("orchestrator.services.[" + service + "].urls", () -> url(service));
        }
        registry.add("orchestrator.discovery-interval", () -> "3600");
        registry.add("server.shutdown", () -> "immediate");
    }

    String url(String service) {
        return server.baseUrl() + "/" + service;
    }

    static MappingBuilder execute(String service, String operation) {
        return post("/" + service + "/execute").withRequestBody(matchingJsonPath("$.operation", equalTo(operation)));
    }

    static String ok(String result) {
        return "{\"request_id\":\"x\",\"success\":true,\"result\":" + result
                + ",\"error\":null,\"error_code\":null,\"execution_time\":0.01,\"metadata\":{}}";
    }

    private static JsonNode readCapabilities() {
        try (InputStream json = WireMockFleet.class.getResourceAsStream("/planning/capabilities.json")) {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
