package com.autoretail.payment;

import com.autoretail.common.agent.AgentToolkit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The payment agent: agent-common's contract around one {@link PaymentAgent}. */
@SpringBootApplication
public class PaymentAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentAgentApplication.class, args);
    }

    @Bean
    PaymentAgent paymentAgent(AgentToolkit toolkit) {
        return new PaymentAgent(toolkit);
    }
}
