package com.autoretail.inventory;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.SpringBootTest;

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
abstract class InventoryHttpTest extends AgentHttpTestSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();

    Reply hold(Map<String, Object> body, String idempotencyKey) {
        HttpRequest.Builder request = http.request("/hold").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpJson.json(body)));
        if (idempotencyKey != null) {
            request.header("X-Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
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
