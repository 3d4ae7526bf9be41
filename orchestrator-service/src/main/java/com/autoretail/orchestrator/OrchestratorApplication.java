package com.autoretail.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The orchestrator: discovers the agents, plans a request, validates the plan and runs it as a DAG. */
@SpringBootApplication
@EnableConfigurationProperties(OrchestratorProperties.class)
public class OrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrchestratorApplication.class, args);
    }
}
