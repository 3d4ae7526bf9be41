package com.autoretail.orchestrator.registry;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;

import java.util.Map;
import java.util.Optional;

/**
 * What a plan may use: the capabilities of the healthy services, by their key in plans ({@code payment},
 * {@code parts}, {@code repair_orders}, {@code inventory}, {@code sales}).
 */
public record ServiceCatalog(Map<String, Capabilities> services) {

    public ServiceCatalog {
        services = Map.copyOf(services);
    }

    public boolean has(String service, String operation) {
        return operation(service, operation).isPresent();
    }

    public Optional<OperationSpec> operation(String service, String operation) {
        Capabilities capabilities = services.get(service);
        if (capabilities == null || capabilities.operations() == null) {
            return Optional.empty();
        }
        return capabilities.operations().stream().filter(op -> op.name().equals(operation)).findFirst();
    }
}
