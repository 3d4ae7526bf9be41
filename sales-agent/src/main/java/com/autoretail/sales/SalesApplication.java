package com.autoretail.sales;

import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.sales.conversation.ConversationService;
import com.autoretail.sales.inventory.InventoryClient;
import com.autoretail.sales.conversation.MessageRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The sales agent: the customer conversation on top of the inventory agent, and the agent contract around it. */
@SpringBootApplication
@EnableConfigurationProperties(SalesProperties.class)
public class SalesApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesApplication.class, args);
    }

    @Bean
    SalesAgent salesAgent(AgentToolkit toolkit, ConversationService conversation, MessageRules rules,
                          InventoryClient inventory, SalesProperties properties) {
        return new SalesAgent(toolkit, conversation, rules, inventory, properties.inventory().url());
    }
}
