package com.autoretail.sales;

import com.autoretail.common.agent.AgentInfo;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.sales.conversation.ConversationService;
import com.autoretail.sales.conversation.MessageRules;
import com.autoretail.sales.inventory.InventoryClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales agent in the fleet: one local operation, {@code handle_message}, a turn of the customer conversation
 * answering exactly what {@code POST /api/message} answers. It has side effects (holds are made, committed,
 * released), so {@code /execute} replays a repeated {@code request_id} instead of running the turn twice.
 */
class SalesAgent extends BaseAgentService {

    static final String HANDLE_MESSAGE = "handle_message";
    private static final String MESSAGE = "message";
    private static final String SESSION_ID = "session_id";

    private static final String INVENTORY = "inventory";

    private final ConversationService conversation;
    private final MessageRules rules;
    private final InventoryClient inventory;
    private final String inventoryUrl;

    SalesAgent(AgentToolkit toolkit, ConversationService conversation, MessageRules rules, InventoryClient inventory,
               String inventoryUrl) {
        super(new AgentInfo("sales-agent", "sales",
                "The customer conversation: stock questions, orders held on the inventory, checkout and cancellation"),
                toolkit);
        this.conversation = conversation;
        this.rules = rules;
        this.inventory = inventory;
        this.inventoryUrl = inventoryUrl;
    }

    /** The inventory agent, checked once per {@code /health}. */
    @Override
    protected Map<String, AgentHealth.Dependency> dependencies() {
        Map<String, AgentHealth.Dependency> dependencies = new LinkedHashMap<>(super.dependencies());
        dependencies.put(INVENTORY, inventory.healthCheck() ? AgentHealth.Dependency.up(inventoryUrl)
                : AgentHealth.Dependency.down(inventoryUrl, "unreachable or unhealthy; messages needing stock get an apology"));
        return dependencies;
    }

    /** The agent answers every message without the inventory (with an apology where stock is needed). */
    @Override
    protected boolean requires(String dependency) {
        return !INVENTORY.equals(dependency);
    }

    /** The integration guide's {@code sales_agent} and {@code inventory_service} fields. */
    @Override
    protected Map<String, Object> healthDetails(Map<String, AgentHealth.Dependency> dependencies) {
        boolean connected = dependencies.get(INVENTORY).isUp();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sales_agent", "running");
        details.put("inventory_service", connected ? "connected" : "unavailable");
        return details;
    }

    @Override
    protected List<OperationSpec> localOperations() {
        Map<String, Object> message = Map.of("type", "string", "minLength", 1,
                "maxLength", rules.maxMessageLength(), "description", "the customer's message");
        Map<String, Object> sessionId = Map.of("type", "string", "pattern", MessageRules.SESSION_ID_PATTERN,
                "description", "the conversation to continue; a new one when absent");
        return List.of(OperationSpec.local(HANDLE_MESSAGE,
                        "Answers one customer message: stock, orders (5-minute holds), checkout, cancellation",
                        Map.of("type", "object", "properties", Map.of(MESSAGE, message, SESSION_ID, sessionId),
                                "required", List.of(MESSAGE)))
                .withSideEffects(true, null));
    }

    @Override
    protected List<FieldError> validateBusinessRules(String operation, Map<String, Object> parameters) {
        return rules.validate(parameters.get(MESSAGE), parameters.get(SESSION_ID));
    }

    @Override
    protected Object executeOperationImpl(AgentServiceRequest request) throws Exception {
        if (HANDLE_MESSAGE.equals(request.operation())) {
            Map<String, Object> p = request.parameters();
            return conversation.handle((String) p.get(MESSAGE), (String) p.get(SESSION_ID));
        }
        return super.executeOperationImpl(request);
    }
}
