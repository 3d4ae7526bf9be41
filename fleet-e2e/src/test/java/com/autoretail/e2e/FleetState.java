package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The business state that hostile requests aim at, read through the services' own APIs: inventory stock, the
 * parts stub's stock, repair orders, payment links and refunds. Two snapshots compare equal when nothing changed.
 */
final class FleetState {

    private final HttpJson inventory;
    private final HttpJson parts;
    private final HttpJson repairOrders;
    private final HttpJson payment;

    FleetState(FleetProcesses fleet) {
        this.inventory = new HttpJson(fleet.url("inventory"));
        this.parts = new HttpJson(fleet.url("parts"));
        this.repairOrders = new HttpJson(fleet.url("repair-orders"));
        this.payment = new HttpJson(fleet.url("payment"));
    }

    Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String sku : new String[] {"SKU000001", "SKU000002"}) {
            JsonNode stock = ok("inventory " + sku, inventory.get("/inventory/" + sku)).body();
            state.put("inventory " + sku, pick(stock, "online_stock", "store_stock", "total_stock", "reserved"));
        }
        JsonNode part = execute(parts, "check_part_availability", "{\"part_number\":\"1234\"}");
        state.put("parts 1234", pick(part, "stock", "reserved", "available", "status"));
        for (String ro : new String[] {"1234", "1011"}) {
            JsonNode order = execute(repairOrders, "get_repair_order_details", "{\"repair_order_id\":\"" + ro + "\"}");
            state.put("repair order " + ro, pick(order, "status") + " notes=" + order.path("notes").size()
                    + " parts=" + order.path("parts").size() + " technicians=" + order.path("technicians").size()
                    + " history=" + order.path("status_history").size());
        }
        JsonNode links = execute(payment, "check_payment_status", "{\"repair_order_id\":\"1234\"}");
        state.put("payment links of RO 1234", pick(links, "payment_count", "amount_paid", "refunded_amount"));
        for (String id : new String[] {"PAY-1009A1", "PAY-1008E5", "PAY-1012C9"}) {
            JsonNode link = execute(payment, "check_payment_status", "{\"payment_id\":\"" + id + "\"}");
            state.put("payment " + id, pick(link, "status", "amount_paid", "refunded_amount")
                    + " refunds=" + link.path("refunds").size());
        }
        return state;
    }

    private static JsonNode execute(HttpJson agent, String operation, String parameters) {
        Reply reply = agent.post("/execute", "{\"operation\":\"" + operation + "\",\"parameters\":" + parameters + "}");
        return ok(operation + " " + parameters, reply).body().path("result");
    }

    private static Reply ok(String what, Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("reading the state (" + what + ") answered " + reply.status() + ": "
                    + reply.body());
        }
        return reply;
    }

    private static String pick(JsonNode node, String... fields) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(text.isEmpty() ? "" : " ").append(field).append('=').append(node.path(field));
        }
        return text.toString();
    }
}
