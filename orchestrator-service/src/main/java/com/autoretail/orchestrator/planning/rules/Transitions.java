package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repair-orders agent's transition matrix, as it publishes it in {@code /capabilities}: the {@code new_status}
 * parameter of {@code update_repair_order_status} carries {@code x-transitions}, each status with the statuses it may
 * move to, the forward move first. Read from the catalog on every plan, so the planner follows the agent when the
 * dealer's workflow changes and has no copy of its own to drift.
 */
public final class Transitions {

    /** The schema keyword of a status parameter that carries the matrix; the LLM's prompt quotes it too. */
    public static final String KEYWORD = "x-transitions";

    private static final Transitions UNPUBLISHED = new Transitions(Map.of());

    private final Map<String, List<String>> matrix;

    private Transitions(Map<String, List<String>> matrix) {
        this.matrix = matrix;
    }

    /** The matrix the catalog's repair-orders agent publishes; empty when it is down or publishes none. */
    static Transitions of(ServiceCatalog catalog) {
        return catalog.operation(PlanBuilder.REPAIR_ORDERS, "update_repair_order_status")
                .map(op -> op.parameters().get("properties"))
                .flatMap(properties -> property(properties, "new_status"))
                .flatMap(newStatus -> property(newStatus, KEYWORD))
                .map(Transitions::read)
                .orElse(UNPUBLISHED);
    }

    boolean published() {
        return !matrix.isEmpty();
    }

    /**
     * Where an order goes on from {@code status} when the step it is in is done: the first move the agent lists that
     * does not end the order's life (a status with no way out, such as cancelled), or its only move. Null when the
     * matrix does not say (not published, an unknown status, a final one).
     */
    String next(String status) {
        List<String> moves = matrix.getOrDefault(status, List.of());
        for (String move : moves) {
            if (!matrix.getOrDefault(move, List.of()).isEmpty()) {
                return move;
            }
        }
        return moves.size() == 1 ? moves.get(0) : null;
    }

    private static Optional<Object> property(Object schema, String name) {
        return schema instanceof Map<?, ?> map ? Optional.ofNullable(map.get(name)) : Optional.empty();
    }

    private static Transitions read(Object published) {
        if (!(published instanceof Map<?, ?> rows)) {
            return UNPUBLISHED;
        }
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        rows.forEach((from, to) -> {
            if (from instanceof String status && to instanceof List<?> moves) {
                matrix.put(status, moves.stream().filter(String.class::isInstance).map(String.class::cast).toList());
            }
        });
        return new Transitions(Map.copyOf(matrix));
    }
}
