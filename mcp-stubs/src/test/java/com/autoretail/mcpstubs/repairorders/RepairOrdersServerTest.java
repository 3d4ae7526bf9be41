package com.autoretail.mcpstubs.repairorders;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.autoretail.mcpstubs.McpTestClient;
import com.autoretail.mcpstubs.RunningStubs;
import com.autoretail.mcpstubs.ToolAssertions;

import static com.autoretail.mcpstubs.ToolAssertions.details;
import static com.autoretail.mcpstubs.ToolAssertions.hinted;
import static com.autoretail.mcpstubs.ToolAssertions.list;
import static com.autoretail.mcpstubs.ToolAssertions.map;
import static com.autoretail.mcpstubs.ToolAssertions.values;
import static org.assertj.core.api.Assertions.assertThat;

class RepairOrdersServerTest {

    @AutoClose
    private static final McpTestClient orders = McpTestClient.connect(RunningStubs.repairOrders(),
            McpTestClient.serviceHeaders("repair-orders-agent"));

    @Test
    void listsEveryRepairOrderToolWithItsParametersAndHints() {
        Map<String, Tool> tools = ToolAssertions.assertTools(orders.tools(),
                "create_repair_order(customer_id, vehicle_id, service_description)",
                "update_repair_order_status(repair_order_id, new_status; note)",
                "get_repair_order_details(repair_order_id)",
                "assign_technician(repair_order_id, technician_id)",
                "add_repair_notes(repair_order_id, note)",
                "add_part_to_repair_order(repair_order_id, part_number; quantity, reservation_id, unit_price)",
                "list_repair_orders(; status, customer_id)");

        assertThat(hinted(tools, ToolAnnotations::readOnlyHint))
            .containsExactlyInAnyOrder("get_repair_order_details", "list_repair_orders");
        assertThat(hinted(tools, ToolAnnotations::idempotentHint)).contains("assign_technician");
    }

    @Test
    void describesRepairOrder1234InProgressForAmbujmehra() {
        Map<String, Object> order = orders.ok("get_repair_order_details", Map.of("repair_order_id", "1234"));

        assertThat(order).containsEntry("repair_order_id", "1234")
            .containsEntry("status", "in_progress")
            .containsEntry("customer_id", "ambujmehra")
            .containsKeys("notes", "parts", "payments", "created_at", "updated_at");
        assertThat(map(order.get("customer"))).containsEntry("email", "ambujmehra16@gmail.com");
        assertThat(map(order.get("vehicle"))).containsEntry("make", "Toyota").containsKey("vin");
        assertThat((String) map(order.get("vehicle")).get("vin")).hasSize(17);
        assertThat(values(order, "technicians", "technician_id")).containsExactly("TECH001");
        assertThat(values(order, "status_history", "status")).containsExactly("pending", "scheduled", "in_progress");
        assertThat(list(order.get("allowed_transitions")))
            .containsExactly("parts_ordered", "quality_check", "cancelled");
        assertThat(orders.ok("get_repair_order_details", Map.of("repair_order_id", "RO-1234")))
            .containsEntry("repair_order_id", "1234");
    }

    @Test
    void refusesUnknownAndMalformedRepairOrderNumbers() {
        assertThat(details(orders.refused("get_repair_order_details", Map.of("repair_order_id", "9999"), "NOT_FOUND")))
            .containsEntry("entity", "repair_order")
            .containsEntry("id", "9999");
        assertThat(details(orders.refused("get_repair_order_details", Map.of("repair_order_id", "last one"),
                "VALIDATION_ERROR"))).containsEntry("field", "repair_order_id");
    }

    @Test
    void opensARepairOrderAsPendingForTheCustomersVehicle() {
        Map<String, Object> order = orders.ok("create_repair_order", Map.of("customer_id", "CUST005", "vehicle_id",
                "VEH007", "service_description", "Brake noise when stopping"));

        assertThat(order).containsEntry("status", "pending").containsEntry("customer_id", "CUST005");
        assertThat(Long.parseLong((String) order.get("repair_order_id"))).isGreaterThan(1234);
        assertThat(map(list(order.get("status_history")).get(0))).containsEntry("changed_by", "ambujmehra");
        assertThat(orders.ok("get_repair_order_details", Map.of("repair_order_id", order.get("repair_order_id"))))
            .containsEntry("service_description", "Brake noise when stopping");
    }

    @Test
    void refusesARepairOrderForAnUnknownCustomerOrSomeoneElsesVehicle() {
        orders.refused("create_repair_order", Map.of("customer_id", "NOBODY", "vehicle_id", "VEH007",
                "service_description", "Oil change"), "NOT_FOUND");
        orders.refused("create_repair_order", Map.of("customer_id", "CUST005", "vehicle_id", "VEH999",
                "service_description", "Oil change"), "NOT_FOUND");
        orders.refused("create_repair_order", Map.of("customer_id", "CUST005", "vehicle_id", "VEH001",
                "service_description", "Oil change"), "VALIDATION_ERROR");
        orders.refused("create_repair_order", Map.of("customer_id", "CUST005", "vehicle_id", "VEH007",
                "service_description", "  "), "VALIDATION_ERROR");
    }

    @Test
    void walksARepairOrderThroughItsLifeToClosed() {
        String id = newOrder();
        List<String> life = List.of("scheduled", "in_progress", "parts_ordered", "in_progress", "quality_check",
                "customer_approval", "ready_for_pickup", "completed", "invoiced", "closed");
        String previous = "pending";
        for (String status : life) {
            Map<String, Object> update = orders.ok("update_repair_order_status", Map.of("repair_order_id", id,
                    "new_status", status, "note", "now " + status));
            assertThat(update).containsEntry("status", status).containsEntry("previous_status", previous);
            previous = status;
        }

        Map<String, Object> closed = orders.ok("get_repair_order_details", Map.of("repair_order_id", id));
        assertThat(list(closed.get("status_history"))).hasSize(life.size() + 1);
        assertThat(list(closed.get("allowed_transitions"))).isEmpty();
    }

    @Test
    void refusesAnInvalidTransitionWithTheAllowedOnes() {
        String id = newOrder();
        Map<String, Object> error = orders.refused("update_repair_order_status", Map.of("repair_order_id", id,
                "new_status", "completed"), "CONFLICT");
        assertThat(details(error)).containsEntry("current_status", "pending")
            .containsEntry("requested_status", "completed")
            .containsEntry("allowed_transitions", List.of("scheduled", "cancelled"));

        assertThat(details(orders.refused("update_repair_order_status", Map.of("repair_order_id", "1011",
                "new_status", "in_progress"), "CONFLICT"))).containsEntry("allowed_transitions", List.of());
        assertThat(details(orders.refused("update_repair_order_status", Map.of("repair_order_id", id,
                "new_status", "done"), "VALIDATION_ERROR"))).containsEntry("field", "new_status");
        assertThat(orders.ok("get_repair_order_details", Map.of("repair_order_id", id)))
            .containsEntry("status", "pending");
    }

    @Test
    void assignsATechnicianOnce() {
        Map<String, Object> first = orders.ok("assign_technician",
                Map.of("repair_order_id", "1004", "technician_id", "TECH003"));
        Map<String, Object> second = orders.ok("assign_technician",
                Map.of("repair_order_id", "1004", "technician_id", "tech003"));

        assertThat(first).containsEntry("already_assigned", false);
        assertThat(map(first.get("technician"))).containsEntry("name", "Priya Nair");
        assertThat(second).containsEntry("already_assigned", true);
        assertThat(list(second.get("technicians"))).containsOnlyOnce("TECH003");
        orders.refused("assign_technician", Map.of("repair_order_id", "1004", "technician_id", "TECH999"), "NOT_FOUND");
        orders.refused("assign_technician", Map.of("repair_order_id", "1004", "technician_id", "TECH008"), "CONFLICT");
        orders.refused("assign_technician", Map.of("repair_order_id", "1011", "technician_id", "TECH002"), "CONFLICT");
    }

    @Test
    void addsNotesWrittenByTheCaller() {
        int before = list(orders.ok("get_repair_order_details", Map.of("repair_order_id", "1003")).get("notes")).size();

        Map<String, Object> added = orders.ok("add_repair_notes", Map.of("repair_order_id", "1003", "note",
                "Customer approved the estimate by phone"));

        assertThat(added).containsEntry("note_count", before + 1);
        assertThat(map(added.get("note"))).containsEntry("author", "ambujmehra")
            .containsEntry("text", "Customer approved the estimate by phone");
        orders.refused("add_repair_notes", Map.of("repair_order_id", "1003", "note", " "), "VALIDATION_ERROR");
        orders.refused("add_repair_notes", Map.of("repair_order_id", "1019", "note", "late note"), "CONFLICT");
    }

    @Test
    void recordsAReservedPartOnTheRepairOrderOnce() {
        Map<String, Object> first = orders.ok("add_part_to_repair_order", Map.of("repair_order_id", "1234",
                "part_number", "1234", "quantity", 1, "reservation_id", "RES-000777"));
        Map<String, Object> retried = orders.ok("add_part_to_repair_order", Map.of("repair_order_id", "1234",
                "part_number", "1234", "reservation_id", "RES-000777"));

        assertThat(map(first.get("line"))).containsEntry("part_number", "1234")
            .containsEntry("name", "Brake Pad Set")
            .containsEntry("unit_price", 89.99)
            .containsEntry("reservation_id", "RES-000777");
        assertThat(first).containsEntry("already_recorded", false);
        assertThat(retried).containsEntry("already_recorded", true);
        assertThat(values(orders.ok("get_repair_order_details", Map.of("repair_order_id", "1234")), "parts",
                "reservation_id")).containsOnlyOnce("RES-000777");
    }

    @Test
    void refusesAPartTheCatalogueDoesNotList() {
        int linesBefore = values(orders.ok("get_repair_order_details", Map.of("repair_order_id", "1234")), "parts",
                "part_number").size();

        orders.refused("add_part_to_repair_order", Map.of("repair_order_id", "1234", "part_number", "NOPE999"),
                "NOT_FOUND");

        assertThat(values(orders.ok("get_repair_order_details", Map.of("repair_order_id", "1234")), "parts",
                "part_number")).hasSize(linesBefore);
    }

    @Test
    void refusesPartsOnAFinishedRepairOrder() {
        orders.refused("add_part_to_repair_order", Map.of("repair_order_id", "1012", "part_number", "1234"),
                "CONFLICT");
        orders.refused("add_part_to_repair_order", Map.of("repair_order_id", "1234", "part_number", "1234",
                "quantity", 0), "VALIDATION_ERROR");
    }

    @Test
    void listsRepairOrdersByStatusAndCustomer() {
        Map<String, Object> cancelled = orders.ok("list_repair_orders", Map.of("status", "cancelled"));
        assertThat(values(cancelled, "repair_orders", "repair_order_id")).contains("1012", "1020");
        assertThat(values(cancelled, "repair_orders", "status")).containsOnly("cancelled");
        assertThat(cancelled.get("count")).isEqualTo(list(cancelled.get("repair_orders")).size());

        assertThat(values(orders.ok("list_repair_orders", Map.of("customer_id", "ambujmehra")), "repair_orders",
                "repair_order_id")).contains("1234");
        assertThat((Integer) orders.ok("list_repair_orders", Map.of()).get("count")).isGreaterThanOrEqualTo(25);
        orders.refused("list_repair_orders", Map.of("status", "lost"), "VALIDATION_ERROR");
    }

    private static String newOrder() {
        return (String) orders.ok("create_repair_order", Map.of("customer_id", "CUST002", "vehicle_id", "VEH004",
                "service_description", "Inspection")).get("repair_order_id");
    }

}
