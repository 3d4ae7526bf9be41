package com.autoretail.mcpstubs.repairorders;

import java.time.Clock;

import com.autoretail.mcpstubs.server.SeedFiles;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repair-orders stub; present only in the process started with {@code --stub=repair-orders}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stub", havingValue = "repair-orders")
class RepairOrdersConfiguration {

    @Bean
    RepairOrderBook repairOrderBook(SeedFiles seeds, Clock clock) {
        Workshop workshop = seeds.repairOrders(Workshop.class);
        PriceList priceList = new PriceList(seeds.parts(PriceList.Seed.class));
        return new RepairOrderBook(workshop, priceList, clock);
    }

    @Bean
    RepairOrderTools repairOrderTools(RepairOrderBook book) {
        return new RepairOrderTools(book);
    }

}
