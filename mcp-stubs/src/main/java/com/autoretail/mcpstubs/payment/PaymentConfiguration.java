package com.autoretail.mcpstubs.payment;

import java.time.Clock;

import com.autoretail.mcpstubs.StubsProperties;
import com.autoretail.mcpstubs.server.SeedFiles;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment stub; present only in the process started with {@code --stub=payment}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stub", havingValue = "payment")
class PaymentConfiguration {

    @Bean
    PaymentLedger paymentLedger(SeedFiles seeds, StubsProperties properties, Clock clock) {
        PaymentData.Seed seed = seeds.payment(PaymentData.Seed.class);
        PaymentData.RepairOrderStatuses orders = seeds.repairOrders(PaymentData.RepairOrderStatuses.class);
        return new PaymentLedger(seed, orders.cancelled(), properties.payment(), clock);
    }

    @Bean
    PaymentTools paymentTools(PaymentLedger ledger, StubsProperties properties) {
        return new PaymentTools(ledger, properties.payment().defaultCurrency());
    }

}
