package com.autoretail.mcpstubs.repairorders;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpTool.McpAnnotations;
import org.springaicommunity.mcp.annotation.McpToolParam;

import com.autoretail.mcpstubs.repairorders.RepairOrder.Note;
import com.autoretail.mcpstubs.repairorders.RepairOrder.PartLine;
import com.autoretail.mcpstubs.repairorders.RepairOrderBook.Outcome;
import com.autoretail.mcpstubs.repairorders.RepairOrderViews.Assignment;
import com.autoretail.mcpstubs.repairorders.RepairOrderViews.NoteAdded;
import com.autoretail.mcpstubs.repairorders.RepairOrderViews.OrderList;
import com.autoretail.mcpstubs.repairorders.RepairOrderViews.PartRecorded;
import com.autoretail.mcpstubs.repairorders.Workshop.Technician;
import com.autoretail.mcpstubs.server.BusinessHeaders;
import com.autoretail.mcpstubs.server.RepairOrderNumbers;
import com.autoretail.mcpstubs.server.Require;
import com.autoretail.mcpstubs.server.StubException;
import com.autoretail.mcpstubs.server.StubTools;
import com.autoretail.mcpstubs.server.ToolErrorCode;
import com.autoretail.mcpstubs.server.ToolResults;

/**
 * The repair-orders tools. Parameter names are snake_case because the MCP schema takes its
 * property names from the Java parameter names, and the agents' contract fixes them.
 */
class RepairOrderTools implements StubTools {

    // Letters and digits in groups joined by single dashes, as the parts system reads them: BRK-2201, 12-AB-9.
    private static final Pattern PART_NUMBER = Pattern.compile("^(?=.{1,20}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$");

    private final RepairOrderBook book;

    RepairOrderTools(RepairOrderBook book) {
        this.book = book;
    }

    @McpTool(name = "create_repair_order", description = """
            Open a new repair order (status pending) for a customer's vehicle. Answers the full repair \
            order, including its new repair_order_id.""",
            annotations = @McpAnnotations(title = "Create repair order", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    CallToolResult createRepairOrder(
            @McpToolParam(description = "Customer id, e.g. ambujmehra or CUST001") String customer_id,
            @McpToolParam(description = "Vehicle id (e.g. VEH001) or VIN of a vehicle the customer owns")
            String vehicle_id,
            @McpToolParam(description = "What the customer wants done, e.g. Front brake pads replacement")
            String service_description,
            McpSyncServerExchange exchange) {
        RepairOrder order = this.book.create(Require.text(customer_id, "customer_id"),
                Require.text(vehicle_id, "vehicle_id"), Require.text(service_description, "service_description"),
                user(exchange));
        return ToolResults.ok(RepairOrderViews.details(order, this.book));
    }

    @McpTool(name = "update_repair_order_status", description = """
            Move a repair order to a new status. Allowed moves: pending->scheduled|cancelled; \
            scheduled->in_progress|cancelled; in_progress->parts_ordered|quality_check|cancelled; \
            parts_ordered->in_progress|cancelled; quality_check->customer_approval|in_progress; \
            customer_approval->ready_for_pickup|in_progress; ready_for_pickup->completed|in_progress; \
            completed->invoiced; invoiced->closed; cancelled and closed are final. Any other move is \
            refused as CONFLICT with the allowed_transitions.""",
            annotations = @McpAnnotations(title = "Update repair order status", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = false, openWorldHint = false))
    CallToolResult updateRepairOrderStatus(
            @McpToolParam(description = "Repair order number, e.g. 1234") String repair_order_id,
            @McpToolParam(description = "The status to move to, e.g. quality_check") String new_status,
            @McpToolParam(description = "Why the status changes; kept in the status history", required = false)
            String note,
            McpSyncServerExchange exchange) {
        String repairOrderId = RepairOrderNumbers.normalize(repair_order_id, "repair_order_id");
        RepairOrderStatus next = RepairOrderStatus.parse(new_status, "new_status");
        RepairOrder order = this.book.moveTo(repairOrderId, next, blankToNull(note), user(exchange));
        return ToolResults.ok(RepairOrderViews.statusUpdate(order));
    }

    @McpTool(name = "get_repair_order_details", description = """
            Everything about one repair order: status, customer, vehicle, technicians, notes, part \
            lines, payments, status history and the statuses it may move to next.""",
            annotations = @McpAnnotations(title = "Get repair order details", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    CallToolResult getRepairOrderDetails(
            @McpToolParam(description = "Repair order number, e.g. 1234") String repair_order_id) {
        RepairOrder order = this.book.get(RepairOrderNumbers.normalize(repair_order_id, "repair_order_id"));
        return ToolResults.ok(RepairOrderViews.details(order, this.book));
    }

    @McpTool(name = "assign_technician", description = """
            Assign a technician (TECH001 to TECH008) to a repair order. Assigning one already on the \
            order changes nothing and answers already_assigned=true. Refused as CONFLICT when work on \
            the order is over (completed, invoiced, closed, cancelled) or the technician is unavailable.""",
            annotations = @McpAnnotations(title = "Assign technician", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult assignTechnician(
            @McpToolParam(description = "Repair order number, e.g. 1234") String repair_order_id,
            @McpToolParam(description = "Technician id, e.g. TECH003") String technician_id) {
        Outcome<Technician> outcome = this.book.assign(RepairOrderNumbers.normalize(repair_order_id, "repair_order_id"),
                Require.text(technician_id, "technician_id"));
        RepairOrder order = outcome.order();
        return ToolResults.ok(new Assignment(order.repairOrderId(), outcome.subject(), order.technicians(),
                outcome.alreadyDone()));
    }

    @McpTool(name = "add_repair_notes", description = """
            Add a note to a repair order, e.g. findings or what was agreed with the customer. The \
            author is the calling user (X-User-Id). Refused as CONFLICT on a closed order.""",
            annotations = @McpAnnotations(title = "Add repair notes", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    CallToolResult addRepairNotes(
            @McpToolParam(description = "Repair order number, e.g. 1234") String repair_order_id,
            @McpToolParam(description = "The note text") String note,
            McpSyncServerExchange exchange) {
        Outcome<Note> outcome = this.book.addNote(RepairOrderNumbers.normalize(repair_order_id, "repair_order_id"),
                Require.text(note, "note"), user(exchange));
        return ToolResults.ok(new NoteAdded(outcome.order().repairOrderId(), outcome.subject(),
                outcome.order().notes().size()));
    }

    @McpTool(name = "add_part_to_repair_order", description = """
            Record a part line on a repair order, typically after reserving the part in the parts \
            system (pass its reservation_id). Without unit_price the catalogue list price is used. \
            The same reservation_id and part_number again records nothing and answers \
            already_recorded=true. Refused as CONFLICT once work on the order is over.""",
            annotations = @McpAnnotations(title = "Add part to repair order", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false))
    CallToolResult addPartToRepairOrder(
            @McpToolParam(description = "Repair order number, e.g. 1234") String repair_order_id,
            @McpToolParam(description = "Part number, letters and digits, e.g. 1234") String part_number,
            @McpToolParam(description = "How many, at least 1; default 1", required = false) Integer quantity,
            @McpToolParam(description = "The parts system's reservation id, e.g. RES-000001", required = false)
            String reservation_id,
            @McpToolParam(description = "Price of one unit; default the catalogue price", required = false)
            BigDecimal unit_price) {
        String partNumber = Require.text(part_number, "part_number").toUpperCase(Locale.ROOT);
        if (!PART_NUMBER.matcher(partNumber).matches()) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR,
                    "part_number must be 1 to 20 letters or digits, in groups joined by dashes, was " + part_number,
                    Map.of("field", "part_number", "value", part_number));
        }
        BigDecimal unitPrice = unit_price == null ? null : Require.positive(unit_price, "unit_price");
        Outcome<PartLine> outcome = this.book.addPart(RepairOrderNumbers.normalize(repair_order_id, "repair_order_id"),
                partNumber, Require.quantity(quantity, "quantity"), blankToNull(reservation_id), unitPrice);
        RepairOrder order = outcome.order();
        return ToolResults.ok(new PartRecorded(order.repairOrderId(), outcome.subject(), order.parts(),
                order.partsTotal(), outcome.alreadyDone()));
    }

    @McpTool(name = "list_repair_orders", description = """
            List repair orders, optionally only those in one status and/or of one customer.""",
            annotations = @McpAnnotations(title = "List repair orders", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    CallToolResult listRepairOrders(
            @McpToolParam(description = "Only orders in this status, e.g. in_progress", required = false) String status,
            @McpToolParam(description = "Only orders of this customer, e.g. ambujmehra", required = false)
            String customer_id) {
        RepairOrderStatus wanted = status == null || status.isBlank() ? null
                : RepairOrderStatus.parse(status, "status");
        var orders = this.book.list(wanted, blankToNull(customer_id))
            .stream()
            .map(order -> RepairOrderViews.summary(order, this.book))
            .toList();
        return ToolResults.ok(new OrderList(orders.size(), orders));
    }

    private static String user(McpSyncServerExchange exchange) {
        return BusinessHeaders.of(exchange, BusinessHeaders.USER_ID);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
