package com.autoretail.orchestrator.planning;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.testsupport.OpenAiStub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The planning service with the LLM planner on Spring AI's OpenAI auto-configuration, against WireMock playing
 * OpenAI: one small context, the planning configuration and the Spring AI auto-configurations only. A JUnit
 * extension: started once per test class, WireMock's answers forgotten before each test.
 */
final class LlmPlanningContext implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            RestClientAutoConfiguration.class, SpringAiRetryAutoConfiguration.class, ToolCallingAutoConfiguration.class,
            OpenAiChatAutoConfiguration.class, ChatClientAutoConfiguration.class})
    @Import(PlanningConfiguration.class)
    @EnableConfigurationProperties(OrchestratorProperties.class)
    static class LlmPlanningApp {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    final OpenAiStub openAi = new OpenAiStub();

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

    PlanningService planning;

    SimpleMeterRegistry meters;

    @Override
    public void beforeAll(ExtensionContext extension) {
        openAi.start();
        TestPropertyValues.of(
                "spring.ai.openai.base-url=" + openAi.baseUrl(),
                "spring.ai.openai.api-key=test-key",
                "spring.ai.openai.chat.options.model=gpt-4o-mini",
                "spring.ai.openai.chat.options.temperature=0",
                "spring.ai.retry.max-attempts=1",
                "orchestrator.planner.llm-timeout=3000ms",
                "orchestrator.planner.repair-attempts=1").applyTo(context);
        context.register(LlmPlanningApp.class);
        context.refresh();
        planning = context.getBean(PlanningService.class);
        meters = context.getBean(SimpleMeterRegistry.class);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        openAi.reset();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
        openAi.stop();
    }
}
