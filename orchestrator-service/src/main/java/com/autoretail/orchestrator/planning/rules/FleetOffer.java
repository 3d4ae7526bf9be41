package com.autoretail.orchestrator.planning.rules;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.util.List;
import java.util.Map;

/**
 * What the fleet can do, for a request that asks nothing it can: each available agent in its own words, the
 * description it publishes in {@code /capabilities}, so the answer grows with the agents and never lists one that is
 * down.
 */
final class FleetOffer {

    private FleetOffer() {
    }

    /** {@code "repair_orders: Repair orders, status transitions, technicians, notes and history"}, by service key. */
    static List<String> of(ServiceCatalog catalog) {
        return catalog.services().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(service -> service.getKey() + ": " + describe(service.getValue()))
                .toList();
    }

    private static String describe(Capabilities capabilities) {
        if (capabilities.description() != null && !capabilities.description().isBlank()) {
            return capabilities.description();
        }
        List<Object> names = capabilities.operations() == null ? List.of()
                : capabilities.operations().stream().<Object>map(op -> op.name()).toList();
        return names.isEmpty() ? "(no operations listed)" : names.toString();
    }
}
