package com.autoretail.mcpstubs.repairorders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One repair order as the dealer system keeps it; every change makes a new instance. */
record RepairOrder(String repairOrderId, String customerId, String vehicleId, String serviceDescription,
        RepairOrderStatus status, Instant createdAt, Instant updatedAt, List<String> technicians, List<Note> notes,
        List<PartLine> parts, List<PaymentRef> payments, List<StatusChange> statusHistory) {

    RepairOrder {
        technicians = List.copyOf(technicians != null ? technicians : List.of());
        notes = List.copyOf(notes != null ? notes : List.of());
        parts = List.copyOf(parts != null ? parts : List.of());
        payments = List.copyOf(payments != null ? payments : List.of());
        statusHistory = List.copyOf(statusHistory != null ? statusHistory : List.of());
    }

    record Note(String noteId, String text, String author, Instant createdAt) {
    }

    record PartLine(String lineId, String partNumber, String name, int quantity, BigDecimal unitPrice,
            String reservationId, Instant addedAt) {
    }

    /** A payment known to the repair order; the payment system holds the truth about it. */
    record PaymentRef(String paymentId, BigDecimal amount, String currency, String status) {
    }

    record StatusChange(RepairOrderStatus status, RepairOrderStatus previousStatus, Instant changedAt, String changedBy,
            String note) {
    }

    static RepairOrder open(String repairOrderId, String customerId, String vehicleId, String serviceDescription,
            Instant now, String openedBy) {
        StatusChange opened = new StatusChange(RepairOrderStatus.PENDING, null, now, openedBy, "Repair order opened");
        return new RepairOrder(repairOrderId, customerId, vehicleId, serviceDescription, RepairOrderStatus.PENDING, now,
                now, List.of(), List.of(), List.of(), List.of(), List.of(opened));
    }

    RepairOrder movedTo(RepairOrderStatus next, Instant now, String changedBy, String note) {
        return new RepairOrder(repairOrderId, customerId, vehicleId, serviceDescription, next, createdAt, now,
                technicians, notes, parts, payments,
                append(statusHistory, new StatusChange(next, status, now, changedBy, note)));
    }

    RepairOrder withTechnician(String technicianId, Instant now) {
        return new RepairOrder(repairOrderId, customerId, vehicleId, serviceDescription, status, createdAt, now,
                append(technicians, technicianId), notes, parts, payments, statusHistory);
    }

    RepairOrder withNote(Note note) {
        return new RepairOrder(repairOrderId, customerId, vehicleId, serviceDescription, status, createdAt,
                note.createdAt(), technicians, append(notes, note), parts, payments, statusHistory);
    }

    RepairOrder withPart(PartLine line) {
        return new RepairOrder(repairOrderId, customerId, vehicleId, serviceDescription, status, createdAt,
                line.addedAt(), technicians, notes, append(parts, line), payments, statusHistory);
    }

    /** What the recorded parts cost, lines without a price counting as nothing. */
    BigDecimal partsTotal() {
        return parts.stream()
            .filter(line -> line.unitPrice() != null)
            .map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

}
