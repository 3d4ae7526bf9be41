package com.autoretail.repairorders;

import com.autoretail.common.agent.AgentToolkit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The repair-orders agent: agent-common's contract around one {@link RepairOrdersAgent}. */
@SpringBootApplication
public class RepairOrdersAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(RepairOrdersAgentApplication.class, args);
    }

    @Bean
    RepairOrdersAgent repairOrdersAgent(AgentToolkit toolkit) {
        return new RepairOrdersAgent(toolkit);
    }
}
