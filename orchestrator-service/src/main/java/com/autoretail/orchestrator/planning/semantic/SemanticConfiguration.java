package com.autoretail.orchestrator.planning.semantic;

import com.autoretail.orchestrator.OrchestratorProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intent matcher bean, for the built-in planner to rank a clause's operations with. The model loads in the
 * background once the application is ready (about 1.5 s of load and 1 s of embedding the examples on two cores):
 * loading it at start would hold up readiness, loading it on the first request would make that request seconds
 * slower. A request that comes during the warm-up waits for it; a model that fails to load leaves the matcher
 * answering nothing. {@code orchestrator.planner.semantic.enabled=false} never loads it.
 */
@Configuration(proxyBeanMethods = false)
class SemanticConfiguration {

    @Bean
    IntentMatcher intentMatcher(OrchestratorProperties properties) {
        OrchestratorProperties.Planner.Semantic settings = properties.planner().semantic();
        return settings.enabled() ? IntentMatcher.miniLm(settings.threshold()) : IntentMatcher.disabled();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> intentMatcherWarmUp(IntentMatcher matcher) {
        return ready -> Thread.ofVirtual().name("intent-matcher-warm-up").start(matcher::warmUp);
    }
}
