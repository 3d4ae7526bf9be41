package com.autoretail.mcpstubs.server;

import com.autoretail.mcpstubs.StubsProperties;

import org.springframework.core.io.ResourceLoader;

/**
 * The stubs' seed files, read from where {@code stubs.data.*} points (any Spring resource location) with the stubs'
 * JSON mapping. A stub may read another's file: the payment stub knows the cancelled repair orders, the
 * repair-orders stub the parts' prices.
 */
public final class SeedFiles {

    private final StubsProperties.Data locations;

    private final ResourceLoader resources;

    SeedFiles(StubsProperties.Data locations, ResourceLoader resources) {
        this.locations = locations;
        this.resources = resources;
    }

    public <T> T payment(Class<T> type) {
        return StubJson.read(this.resources, this.locations.payment(), type);
    }

    public <T> T repairOrders(Class<T> type) {
        return StubJson.read(this.resources, this.locations.repairOrders(), type);
    }

    public <T> T parts(Class<T> type) {
        return StubJson.read(this.resources, this.locations.parts(), type);
    }

}
