package com.autoretail.mcpstubs.parts;

import java.time.Clock;

import com.autoretail.mcpstubs.StubsProperties;
import com.autoretail.mcpstubs.server.SeedFiles;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts stub; present only in the process started with {@code --stub=parts}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stub", havingValue = "parts")
class PartsConfiguration {

    @Bean
    PartsCatalogue partsCatalogue(SeedFiles seeds, StubsProperties properties, Clock clock) {
        return new PartsCatalogue(seeds.parts(PartsCatalogue.Seed.class), clock, properties.parts().reservationTtl());
    }

    @Bean
    PartsTools partsTools(PartsCatalogue catalogue, Clock clock, StubsProperties properties) {
        return new PartsTools(catalogue, clock, properties.parts().lowStockThreshold());
    }

}
