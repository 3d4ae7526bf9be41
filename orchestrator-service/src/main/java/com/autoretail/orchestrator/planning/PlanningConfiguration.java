package com.autoretail.orchestrator.planning;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.planning.llm.LlmPlanner;
import com.autoretail.orchestrator.planning.rules.RulePlanner;
import com.autoretail.orchestrator.planning.semantic.IntentMatcher;
import com.autoretail.orchestrator.usage.TokenPrices;
import com.autoretail.orchestrator.validation.PlanValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
@EnableConfigurationProperties(TokenPrices.class)
class PlanningConfiguration {

    @Bean
    PlanValidator planValidator(OrchestratorProperties properties) {
        return new PlanValidator(properties.planner().maxSteps(), properties.execution().stepDefaults(),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnClass(ChatClient.class)
    @ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "openai", matchIfMissing = true)
    LlmPlanner llmPlanner(ChatClient.Builder chatClients, OrchestratorProperties properties) {
        return new LlmPlanner(chatClients.build(), properties.planner().maxSteps(), properties.planner().llmTimeout());
    }

    @Bean
    PlanningService planningService(PlanValidator validator, OrchestratorProperties properties,
                                    ObjectProvider<LlmPlanner> llmPlanner, ObjectProvider<MeterRegistry> meters,
                                    ObjectProvider<IntentMatcher> intentMatcher,
                                    ObjectProvider<ObservationRegistry> observations, TokenPrices prices) {
        Clock clock = Clock.systemUTC();
        return new PlanningService(new RulePlanner(properties.execution().stepDefaults(), clock,
                intentMatcher.getIfAvailable(IntentMatcher::disabled).meaning()),
                llmPlanner.getIfAvailable(), validator, properties.planner().repairAttempts(),
                meters.getIfAvailable(SimpleMeterRegistry::new), clock,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), prices);
    }
}
