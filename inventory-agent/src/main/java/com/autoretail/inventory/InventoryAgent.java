package com.autoretail.inventory;

import com.autoretail.common.agent.AgentInfo;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.security.Caller;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.inventory.store.InventoryStore;
import com.autoretail.inventory.wire.HoldRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory as a fleet agent: its operations are local, carried out on the same store as the REST API.
 * {@code create_hold} is idempotent twice over: by {@code request_id} in {@code /execute}, and in the store by
 * its {@code idempotency_key} (the request_id when none is given), which holds across agent instances.
 */
class InventoryAgent extends BaseAgentService {

    private static final String SKU = "sku";
    private static final String HOLD_ID = "hold_id";
    private static final String QUANTITY = "quantity";
    private static final String LOCATION = "location";
    private static final String SESSION_ID = "session_id";
    private static final String CUSTOMER_ID = "customer_id";

    private final InventoryService inventory;
    private final InventoryStore store;

    InventoryAgent(AgentToolkit toolkit, InventoryService inventory, InventoryStore store) {
        super(new AgentInfo("inventory-agent", "inventory",
                "Stock online and per store, availability, and holds on stock that expire, release or commit"),
                toolkit);
        this.inventory = inventory;
        this.store = store;
    }

    @Override
    protected List<OperationSpec> localOperations() {
        Map<String, Object> sku = Map.of("type", "string", "minLength", 1, "description", "e.g. SKU000001");
        Map<String, Object> holdId = Map.of("type", "string", "minLength", 1);
        Map<String, Object> quantity = Map.of("type", "integer", "minimum", 1, "maximum", inventory.maxQuantity());
        Map<String, Object> text = Map.of("type", "string", "minLength", 1,
                "maxLength", RequestChecks.MAX_TEXT_LENGTH);
        Map<String, Object> location = Map.of("type", "string", "enum", inventory.locations(),
                "description", "online (the default) or a store id");
        return List.of(
                OperationSpec.local("get_inventory", "Stock of a SKU online and per store, its total and what is held",
                        schema(Map.of(SKU, sku), SKU)),
                OperationSpec.local("check_availability", "Whether a quantity of a SKU can be held at a location",
                        schema(Map.of(SKU, sku, QUANTITY, quantity, LOCATION, location), SKU, QUANTITY)),
                OperationSpec.local("create_hold",
                        "Holds stock of a SKU at a location until released, committed or expired after ttl seconds",
                        schema(Map.of(SKU, sku, QUANTITY, quantity, LOCATION, location,
                                "ttl", Map.of("type", "integer", "minimum", 1, "maximum", inventory.maxTtlSeconds()),
                                "idempotency_key", text,
                                SESSION_ID, Map.of("type", "string", "maxLength", RequestChecks.MAX_TEXT_LENGTH,
                                        "description", "the shopping session the hold is for (its quota)"),
                                CUSTOMER_ID, Map.of("type", "string", "maxLength", RequestChecks.MAX_TEXT_LENGTH,
                                        "description", "the customer the hold is for (its quota)")), SKU, QUANTITY))
                        .withSideEffects(true, "release_hold"),
                OperationSpec.local("release_hold", "Gives a hold's stock back (once, however often it is called)",
                        schema(Map.of(HOLD_ID, holdId), HOLD_ID)).withSideEffects(true, null),
                OperationSpec.local("commit_hold", "Makes a held hold's sale final: its stock stays taken",
                        schema(Map.of(HOLD_ID, holdId), HOLD_ID)).withSideEffects(true, null));
    }

    @Override
    protected Object executeOperationImpl(AgentServiceRequest request) throws Exception {
        Map<String, Object> p = request.parameters();
        return switch (request.operation()) {
            case "get_inventory" -> inventory.inventory(text(p, SKU));
            case "check_availability" -> inventory.availability(text(p, SKU), p.get(QUANTITY), text(p, LOCATION));
            case "create_hold" -> {
                String key = text(p, "idempotency_key");
                HoldRequest hold = new HoldRequest(text(p, SKU), (Number) p.get(QUANTITY), text(p, LOCATION),
                        (Number) p.get("ttl"), text(p, SESSION_ID), text(p, CUSTOMER_ID));
                yield inventory.hold(hold, key == null ? request.requestId() : key, "idempotency_key",
                        Caller.current()).hold();
            }
            case "release_hold" -> inventory.release(text(p, HOLD_ID));
            case "commit_hold" -> inventory.commit(text(p, HOLD_ID));
            default -> super.executeOperationImpl(request);
        };
    }

    @Override
    protected Map<String, AgentHealth.Dependency> dependencies() {
        Map<String, AgentHealth.Dependency> dependencies = new LinkedHashMap<>(super.dependencies());
        dependencies.put("store", store.health());
        return dependencies;
    }

    private static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        return Map.of("type", "object", "properties", properties, "required", List.of(required));
    }

    private static String text(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        return value == null ? null : value.toString();
    }
}
