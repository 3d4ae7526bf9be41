package com.autoretail.orchestrator.planning.semantic;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.testsupport.Catalogs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher bean as the orchestrator's settings make it. */
class SemanticConfigurationTest {

    private static final String CLAUSE = "Has RO 1040 been paid yet?";

    @Configuration(proxyBeanMethods = false)
    @Import(SemanticConfiguration.class)
    @EnableConfigurationProperties(OrchestratorProperties.class)
    static class MatcherApp {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(MatcherApp.class);

    @Test
    void ranksWithTheConfiguredThresholdWhileAndAfterItWarmsUp() {
        contexts.withPropertyValues("orchestrator.planner.semantic.threshold=0.6").run(context -> {
            IntentMatcher matcher = context.getBean(IntentMatcher.class);
            context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                    context.getSourceApplicationContext(), Duration.ZERO));

            assertThat(matcher.threshold()).isEqualTo(0.6);
            // a request during the warm-up waits for the model rather than going without it
            assertThat(matcher.rank(CLAUSE, Catalogs.all())).first()
                    .extracting(IntentMatch::qualifiedName).isEqualTo("payment.check_payment_status");
        });
    }

    @Test
    void answersNothingWhenSwitchedOff() {
        contexts.withPropertyValues("orchestrator.planner.semantic.enabled=false").run(context ->
                assertThat(context.getBean(IntentMatcher.class).rank(CLAUSE, Catalogs.all())).isEmpty());
    }


    @Test
    void refusesAThresholdOutsideZeroToOne() {
        contexts.withPropertyValues("orchestrator.planner.semantic.threshold=1.5").run(context ->
                assertThat(context).hasFailed());
    }
}
