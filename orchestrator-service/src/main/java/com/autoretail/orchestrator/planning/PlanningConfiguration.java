package com.autoretail.orchestrator.planning;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The planning beans: the validator, the planning service, and the LLM planner when an OpenAI-compatible chat
 * model is configured. The LLM planner's condition is the OpenAI chat auto-configuration's own
 * ({@code spring.ai.model.chat} openai or absent), not {@code @ConditionalOnBean(ChatModel)}: a bean condition in an
 * application configuration is evaluated before the auto-configurations register their beans.
 * agent-common's {@code LlmSwitch} sets {@code spring.ai.model.chat=none} when no key or server is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlannerProperties.class)
class PlanningConfiguration {

    @Bean
    PlanValidator planValidator(PlannerProperties properties) {
        return new PlanValidator(properties);
    }

    @Bean
    @ConditionalOnClass(ChatClient.class)
    @ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "openai", matchIfMissing = true)
    LlmPlanner llmPlanner(ChatClient.Builder chatClients, PlannerProperties properties) {
        return new LlmPlanner(chatClients.build(), PlanningPrompts.standard(properties.maxSteps()),
                properties.llmTimeout());
    }

    @Bean
    PlanningService planningService(PlanValidator validator, PlannerProperties properties,
                                    ObjectProvider<LlmPlanner> llmPlanner, ObjectProvider<MeterRegistry> meters) {
        Clock clock = Clock.systemUTC();
        return new PlanningService(new RulePlanner(properties, clock), llmPlanner.getIfAvailable(), validator,
                properties, meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }
}
