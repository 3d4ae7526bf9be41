package com.autoretail.mcpstubs.repairorders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.autoretail.mcpstubs.repairorders.RepairOrder.Note;
import com.autoretail.mcpstubs.repairorders.RepairOrder.PartLine;
import com.autoretail.mcpstubs.repairorders.RepairOrder.PaymentRef;
import com.autoretail.mcpstubs.repairorders.RepairOrder.StatusChange;
import com.autoretail.mcpstubs.repairorders.Workshop.Customer;
import com.autoretail.mcpstubs.repairorders.Workshop.Technician;
import com.autoretail.mcpstubs.repairorders.Workshop.Vehicle;

/** The tool answers of the repair-orders stub, written as snake_case JSON. */
final class RepairOrderViews {

    private RepairOrderViews() {
    }

    record Details(String repairOrderId, RepairOrderStatus status, String customerId, Customer customer,
            Vehicle vehicle, String serviceDescription, List<Technician> technicians, List<Note> notes,
            List<PartLine> parts, BigDecimal partsTotal, List<PaymentRef> payments, List<StatusChange> statusHistory,
            List<RepairOrderStatus> allowedTransitions, Instant createdAt, Instant updatedAt) {
    }

    record Summary(String repairOrderId, RepairOrderStatus status, String customerId, String customerName,
            String vehicleId, String vehicle, String serviceDescription, List<String> technicians, Instant updatedAt) {
    }

    record OrderList(int count, List<Summary> repairOrders) {
    }

    record StatusUpdate(String repairOrderId, RepairOrderStatus previousStatus, RepairOrderStatus status,
            Instant changedAt, String changedBy, String note, List<RepairOrderStatus> allowedTransitions) {
    }

    record Assignment(String repairOrderId, Technician technician, List<String> technicians, boolean alreadyAssigned) {
    }

    record NoteAdded(String repairOrderId, Note note, int noteCount) {
    }

    record PartRecorded(String repairOrderId, PartLine line, List<PartLine> parts, BigDecimal partsTotal,
            boolean alreadyRecorded) {
    }

    static Details details(RepairOrder order, RepairOrderBook book) {
        return new Details(order.repairOrderId(), order.status(), order.customerId(),
                book.customer(order.customerId()).orElse(null), book.vehicle(order.vehicleId()).orElse(null),
                order.serviceDescription(),
                order.technicians().stream().flatMap(id -> book.technician(id).stream()).toList(), order.notes(),
                order.parts(), order.partsTotal(), order.payments(), order.statusHistory(),
                order.status().allowedTransitions(), order.createdAt(), order.updatedAt());
    }

    static Summary summary(RepairOrder order, RepairOrderBook book) {
        return new Summary(order.repairOrderId(), order.status(), order.customerId(),
                book.customer(order.customerId()).map(Customer::name).orElse(null), order.vehicleId(),
                book.vehicle(order.vehicleId())
                    .map(vehicle -> vehicle.year() + " " + vehicle.make() + " " + vehicle.model())
                    .orElse(null),
                order.serviceDescription(), order.technicians(), order.updatedAt());
    }

    static StatusUpdate statusUpdate(RepairOrder order) {
        StatusChange change = order.statusHistory().get(order.statusHistory().size() - 1);
        return new StatusUpdate(order.repairOrderId(), change.previousStatus(), change.status(), change.changedAt(),
                change.changedBy(), change.note(), order.status().allowedTransitions());
    }

}
