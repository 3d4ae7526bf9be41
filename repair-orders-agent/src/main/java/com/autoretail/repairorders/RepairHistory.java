package com.autoretail.repairorders;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code get_repair_history}: one timeline of a repair order's status changes, notes, technicians, parts and
 * payments, built from its details. Dated events come in time order (a tie keeps that order of kinds); the
 * repair-orders system keeps no date for a technician's assignment or a payment, so those follow, undated.
 */
final class RepairHistory {

    /** One thing that happened to the order; {@code at} is null when the system keeps no date for it. */
    record Event(String at, String type, String summary, String by, Map<String, Object> details) {
    }

    record Counts(int statusChanges, int notes, int technicians, int parts, int payments) {
    }

    record History(String repairOrderId, String status, Object customer, Object vehicle, String serviceDescription,
                   String createdAt, String updatedAt, Object partsTotal, List<Event> timeline, Counts counts) {
    }

    private RepairHistory() {
    }

    static History of(Map<String, Object> details) {
        List<Map<String, Object>> statuses = list(details.get("status_history"));
        List<Map<String, Object>> notes = list(details.get("notes"));
        List<Map<String, Object>> technicians = list(details.get("technicians"));
        List<Map<String, Object>> parts = list(details.get("parts"));
        List<Map<String, Object>> payments = list(details.get("payments"));

        List<Event> dated = new ArrayList<>();
        statuses.forEach(change -> dated.add(new Event(text(change.get("changed_at")), "status_change",
                statusSummary(change), text(change.get("changed_by")), change)));
        notes.forEach(note -> dated.add(new Event(text(note.get("created_at")), "note", text(note.get("text")),
                text(note.get("author")), note)));
        parts.forEach(line -> dated.add(new Event(text(line.get("added_at")), "part", partSummary(line), null, line)));

        List<Event> undated = new ArrayList<>(dated.stream().filter(event -> instant(event.at()) == null).toList());
        List<Event> timeline = new ArrayList<>(dated.stream().filter(event -> instant(event.at()) != null)
                .sorted(Comparator.comparing(event -> instant(event.at())))
                .toList());
        technicians.forEach(technician -> undated.add(new Event(null, "technician", "Technician "
                + text(technician.get("technician_id")) + " (" + text(technician.get("name")) + ") assigned",
                null, technician)));
        payments.forEach(payment -> undated.add(new Event(null, "payment", "Payment "
                + text(payment.get("payment_id")) + " of " + text(payment.get("amount")) + " "
                + text(payment.get("currency")) + ": " + text(payment.get("status")), null, payment)));
        timeline.addAll(undated);

        return new History(text(details.get("repair_order_id")), text(details.get("status")), details.get("customer"),
                details.get("vehicle"), text(details.get("service_description")), text(details.get("created_at")),
                text(details.get("updated_at")), details.get("parts_total"), timeline,
                new Counts(statuses.size(), notes.size(), technicians.size(), parts.size(), payments.size()));
    }

    private static String statusSummary(Map<String, Object> change) {
        String status = text(change.get("status"));
        String previous = text(change.get("previous_status"));
        String summary = previous == null ? "Opened as " + status : "Status changed from " + previous + " to " + status;
        String note = text(change.get("note"));
        return note == null ? summary : summary + ": " + note;
    }

    private static String partSummary(Map<String, Object> line) {
        String reservation = text(line.get("reservation_id"));
        return "Part " + text(line.get("part_number")) + " (" + text(line.get("name")) + ") x"
                + text(line.get("quantity")) + " added" + (reservation == null ? "" : ", reservation " + reservation);
    }

    private static Instant instant(String at) {
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance)
                .map(item -> (Map<String, Object>) item).toList() : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
