package com.autoretail.mcpstubs.repairorders;

import java.time.Clock;

import com.autoretail.mcpstubs.StubsProperties;
import com.autoretail.mcpstubs.server.StubJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The repair-orders stub; present only in the process started with {@code --stub=repair-orders}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stub", havingValue = "repair-orders")
class RepairOrdersConfiguration {

    @Bean
    RepairOrderBook repairOrderBook(StubsProperties properties, ResourceLoader resources, Clock clock) {
        Workshop workshop = StubJson.read(resources, properties.data().repairOrders(), Workshop.class);
        PriceList priceList = new PriceList(StubJson.read(resources, properties.data().parts(), PriceList.Seed.class));
        return new RepairOrderBook(workshop, priceList, clock);
    }

    @Bean
    RepairOrderTools repairOrderTools(RepairOrderBook book) {
        return new RepairOrderTools(book);
    }

}
