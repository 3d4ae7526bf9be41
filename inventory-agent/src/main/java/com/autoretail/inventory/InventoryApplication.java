package com.autoretail.inventory;

import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.inventory.store.InventoryStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The inventory agent: its REST API, and the agent contract around {@link InventoryAgent}. */
@SpringBootApplication
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }

    @Bean
    InventoryAgent inventoryAgent(AgentToolkit toolkit, InventoryService inventory, InventoryStore store) {
        return new InventoryAgent(toolkit, inventory, store);
    }
}
