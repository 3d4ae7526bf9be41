package com.autoretail.repairorders;

import com.autoretail.common.agent.AgentInfo;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.SchemaBuilder;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repair-orders agent: the repair-orders MCP server's tools, discovered from its {@code tools/list}, with
 * {@code update_repair_order_status} checked against the transition matrix before the server is asked, plus
 * {@code get_repair_history} (composite) and {@code validate_repair_order_transition} (local).
 */
class RepairOrdersAgent extends BaseAgentService {

    static final AgentInfo INFO = new AgentInfo("repair-orders-agent", "repair_orders",
            "Repair orders: creation, status transitions, technicians, notes, parts and history");
    /** 3 to 10 digits, optionally written RO-1234, RO1234 or #1234 (the repair-orders system reads them as 1234). */
    static final String REPAIR_ORDER_PATTERN = "^(?:[Rr][Oo][-_ #]?|#)?[0-9]{3,10}$";
    /** Letters and digits in groups joined by single dashes, as the parts agent reads them (BRK-2201, 12-AB-9). */
    static final String PART_NUMBER_PATTERN = "^(?=.{3,20}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$";

    /** The agent's checks of parameters, by name, merged into every discovered tool that has such a parameter. */
    private static final Map<String, Map<String, Object>> PARAMETER_RULES = Map.ofEntries(
            Map.entry("repair_order_id", SchemaBuilder.pattern(REPAIR_ORDER_PATTERN)),
            // The matrix travels with the status a caller chooses, so a planner reads "the status after quality
            // check" from this agent instead of keeping a copy that drifts from the dealer's workflow.
            Map.entry("new_status", Map.of("enum", StatusTransitions.STATUSES,
                    StatusTransitions.PUBLISHED_AS, StatusTransitions.MATRIX)),
            Map.entry("status", Map.of("enum", StatusTransitions.STATUSES)),
            Map.entry("customer_id", SchemaBuilder.nonEmpty()),
            Map.entry("vehicle_id", SchemaBuilder.nonEmpty()),
            Map.entry("service_description", SchemaBuilder.nonEmpty()),
            Map.entry("technician_id", SchemaBuilder.nonEmpty()),
            Map.entry("note", SchemaBuilder.nonEmpty()),
            Map.entry("reservation_id", SchemaBuilder.nonEmpty()),
            Map.entry("part_number", SchemaBuilder.pattern(PART_NUMBER_PATTERN)),
            Map.entry("quantity", Map.of("minimum", 1, "maximum", 1000)),
            Map.entry("unit_price", Map.of("exclusiveMinimum", 0)));

    RepairOrdersAgent(AgentToolkit toolkit) {
        super(INFO, toolkit);
    }

    @Override
    protected List<OperationSpec> localOperations() {
        Map<String, Map<String, Object>> transition = new LinkedHashMap<>();
        Map<String, Object> newStatus = new LinkedHashMap<>(status("The status to move to"));
        newStatus.put(StatusTransitions.PUBLISHED_AS, StatusTransitions.MATRIX);
        transition.put("new_status", newStatus);
        transition.put("current_status", status("The status the order is in; give it or repair_order_id"));
        transition.put("repair_order_id", repairOrderId("An order whose current status is read; e.g. 1234"));
        return List.of(
                OperationSpec.composite("get_repair_history", """
                        One timeline of a repair order: status changes, notes, parts, technicians and payments, \
                        dated events in time order, then those the repair-orders system keeps no date for.""",
                        SchemaBuilder.object(Map.of("repair_order_id", repairOrderId("Repair order number, e.g. 1234")),
                                List.of("repair_order_id"))),
                OperationSpec.local("validate_repair_order_transition", """
                        Whether a repair order may move from its current status (given, or read from the order) \
                        to new_status, with the statuses it may move to. Changes nothing.""",
                        SchemaBuilder.object(transition, List.of("new_status"))));
    }

    @Override
    protected OperationSpec refineMcpOperation(OperationSpec op) {
        return op.withParameters(SchemaBuilder.tighten(op.parameters(), PARAMETER_RULES));
    }

    @Override
    protected List<FieldError> validateBusinessRules(String operation, Map<String, Object> parameters) {
        if (operation.equals("validate_repair_order_transition")
                && parameters.get("current_status") == null && parameters.get("repair_order_id") == null) {
            return List.of(new FieldError("current_status", "current_status or repair_order_id is required"),
                    new FieldError("repair_order_id", "current_status or repair_order_id is required"));
        }
        return List.of();
    }

    @Override
    protected Object executeOperationImpl(AgentServiceRequest request) throws Exception {
        Map<String, Object> parameters = request.parameters();
        return switch (request.operation()) {
            case "update_repair_order_status" -> updateStatus(request);
            case "validate_repair_order_transition" -> {
                String repairOrderId = (String) parameters.get("repair_order_id");
                String current = parameters.get("current_status") instanceof String given ? given
                        : currentStatus(repairOrderId);
                yield StatusTransitions.check(repairOrderId, current, (String) parameters.get("new_status"));
            }
            case "get_repair_history" -> RepairHistory.of(details((String) parameters.get("repair_order_id")));
            default -> super.executeOperationImpl(request);
        };
    }

    /** Reads the current status first and refuses a move the matrix does not allow, before the server is asked. */
    private Object updateStatus(AgentServiceRequest request) throws Exception {
        String repairOrderId = (String) request.parameters().get("repair_order_id");
        StatusTransitions.Verdict verdict = StatusTransitions.check(repairOrderId, currentStatus(repairOrderId),
                (String) request.parameters().get("new_status"));
        if (!verdict.valid()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("repair_order_id", repairOrderId);
            details.put("current_status", verdict.currentStatus());
            details.put("requested_status", verdict.newStatus());
            details.put("allowed_transitions", verdict.allowedTransitions());
            throw new AgentException(ErrorCode.CONFLICT, "Repair order " + repairOrderId + ": " + verdict.reason(),
                    details);
        }
        return super.executeOperationImpl(request);
    }

    private String currentStatus(String repairOrderId) {
        return String.valueOf(details(repairOrderId).get("status"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String repairOrderId) {
        Object details = callMcpTool("get_repair_order_details", Map.of("repair_order_id", repairOrderId));
        return details instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> status(String description) {
        return Map.of("type", "string", "description", description, "enum", StatusTransitions.STATUSES);
    }

    private static Map<String, Object> repairOrderId(String description) {
        return Map.of("type", "string", "description", description, "pattern", REPAIR_ORDER_PATTERN);
    }
}
