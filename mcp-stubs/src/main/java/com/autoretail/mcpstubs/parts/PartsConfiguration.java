package com.autoretail.mcpstubs.parts;

import java.time.Clock;

import com.autoretail.mcpstubs.StubsProperties;
import com.autoretail.mcpstubs.server.StubJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The parts stub; present only in the process started with {@code --stub=parts}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stub", havingValue = "parts")
class PartsConfiguration {

    @Bean
    PartsCatalogue partsCatalogue(StubsProperties properties, ResourceLoader resources, Clock clock) {
        PartsCatalogue.Seed seed = StubJson.read(resources, properties.data().parts(), PartsCatalogue.Seed.class);
        return new PartsCatalogue(seed, clock, properties.parts().reservationTtl());
    }

    @Bean
    PartsTools partsTools(PartsCatalogue catalogue, Clock clock, StubsProperties properties) {
        return new PartsTools(catalogue, clock, properties.parts().lowStockThreshold());
    }

}
