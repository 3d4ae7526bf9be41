package com.autoretail.orchestrator.testsupport;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Service catalogs built from {@code planning/capabilities.json}: the five agents' operations per CONTRACT.md. */
public final class Catalogs {

    /** The architecture document's example request, which every catalog here can plan. */
    public static final String EXAMPLE_REQUEST =
            "Add part number 1234 to RO number 1234, and send payment link of 100$ to ambujmehra16@gmail.com";

    private static final Map<String, Capabilities> ALL = load();

    private Catalogs() {
    }

    public static ServiceCatalog all() {
        return new ServiceCatalog(ALL);
    }

    /** The catalog when these services are unhealthy. */
    public static ServiceCatalog without(String... services) {
        Map<String, Capabilities> healthy = new LinkedHashMap<>(ALL);
        Arrays.asList(services).forEach(healthy::remove);
        return new ServiceCatalog(healthy);
    }

    /** The catalog when a service does not offer one of its operations. */
    public static ServiceCatalog withoutOperation(String service, String operation) {
        Map<String, Capabilities> healthy = new LinkedHashMap<>(ALL);
        Capabilities capabilities = healthy.get(service);
        List<OperationSpec> operations = capabilities.operations().stream()
                .filter(op -> !op.name().equals(operation)).toList();
        healthy.put(service, new Capabilities(capabilities.serviceName(), capabilities.serviceKey(),
                capabilities.description(), capabilities.version(), operations, capabilities.mcpTools()));
        return new ServiceCatalog(healthy);
    }

    private static Map<String, Capabilities> load() {
        try (InputStream json = Catalogs.class.getResourceAsStream("/planning/capabilities.json")) {
            return new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Capabilities>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
