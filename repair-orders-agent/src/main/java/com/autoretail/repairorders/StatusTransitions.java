package com.autoretail.repairorders;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The life of a repair order: the architecture document's transition matrix. {@code cancelled} and {@code closed} are final. */
final class StatusTransitions {

    /**
     * The schema keyword under which {@code new_status} publishes {@link #MATRIX} in {@code /capabilities}: each status
     * with the statuses it may move to, the forward move first (an annotation that validation ignores).
     */
    static final String PUBLISHED_AS = "x-transitions";

    static final Map<String, List<String>> MATRIX = matrix();
    static final List<String> STATUSES = List.copyOf(MATRIX.keySet());

    /**
     * The answer of {@code validate_repair_order_transition}.
     *
     * @param repairOrderId      the order named by the caller, null when only its current status was given
     * @param allowedTransitions where the current status may go
     */
    record Verdict(boolean valid, String repairOrderId, String currentStatus, String newStatus,
                   List<String> allowedTransitions, String reason) {
    }

    private StatusTransitions() {
    }

    static List<String> allowedFrom(String status) {
        return MATRIX.getOrDefault(status, List.of());
    }

    static Verdict check(String repairOrderId, String currentStatus, String newStatus) {
        List<String> allowed = allowedFrom(currentStatus);
        boolean valid = allowed.contains(newStatus);
        String reason = valid ? currentStatus + " may move to " + newStatus
                : "a repair order cannot move from " + currentStatus + " to " + newStatus + "; "
                + (allowed.isEmpty() ? currentStatus + " is final" : "allowed: " + String.join(", ", allowed));
        return new Verdict(valid, repairOrderId, currentStatus, newStatus, allowed, reason);
    }

    private static Map<String, List<String>> matrix() {
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        matrix.put("pending", List.of("scheduled", "cancelled"));
        matrix.put("scheduled", List.of("in_progress", "cancelled"));
        matrix.put("in_progress", List.of("parts_ordered", "quality_check", "cancelled"));
        matrix.put("parts_ordered", List.of("in_progress", "cancelled"));
        matrix.put("quality_check", List.of("customer_approval", "in_progress"));
        matrix.put("customer_approval", List.of("ready_for_pickup", "in_progress"));
        matrix.put("ready_for_pickup", List.of("completed", "in_progress"));
        matrix.put("completed", List.of("invoiced"));
        matrix.put("invoiced", List.of("closed"));
        matrix.put("cancelled", List.of());
        matrix.put("closed", List.of());
        return Collections.unmodifiableMap(matrix);
    }
}
