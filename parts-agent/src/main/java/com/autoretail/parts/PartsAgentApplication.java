package com.autoretail.parts;

import com.autoretail.common.agent.AgentToolkit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The parts agent: agent-common's contract around one {@link PartsAgent}. */
@SpringBootApplication
public class PartsAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartsAgentApplication.class, args);
    }

    @Bean
    PartsAgent partsAgent(AgentToolkit toolkit) {
        return new PartsAgent(toolkit);
    }
}
