package com.autoretail.inventory;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inventory agent as it starts by default (memory store, the shipped seed), over HTTP. Every class extending
 * this one shares the one application context; each test works on SKUs no other test touches.
 */
@SpringBootTest(classes = InventoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"inventory.reaper-interval=100ms", "server.shutdown=immediate"})
abstract class InventoryHttpTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    int port;

    HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
    }

    Reply hold(Map<String, Object> body, String idempotencyKey) {
        HttpRequest.Builder request = http.request("/hold").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpJson.json(body)));
        if (idempotencyKey != null) {
            request.header("X-Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    Reply execute(String requestId, String operation, Map<String, Object> parameters) {
        return http.post("/execute", HttpJson.json(
                Map.of("request_id", requestId, "operation", operation, "parameters", parameters)));
    }

    int onlineStock(String sku) {
        return http.get("/inventory/" + sku).body().path("online_stock").asInt();
    }

    static List<String> errorFields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode json(Map<String, Object> value) {
        return MAPPER.valueToTree(value);
    }
}
