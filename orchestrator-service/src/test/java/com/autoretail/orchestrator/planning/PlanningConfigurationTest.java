package com.autoretail.orchestrator.planning;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.planning.llm.LlmPlanner;
import com.autoretail.orchestrator.testsupport.Catalogs;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static com.autoretail.orchestrator.testsupport.Catalogs.EXAMPLE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner a Spring application gets, with the environment post-processor and Spring AI's OpenAI
 * auto-configuration as in the orchestrator (the surefire run has an empty OPENAI_API_KEY).
 */
class PlanningConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({RestClientAutoConfiguration.class, SpringAiRetryAutoConfiguration.class,
            ToolCallingAutoConfiguration.class, OpenAiChatAutoConfiguration.class, ChatClientAutoConfiguration.class})
    @Import(PlanningConfiguration.class)
    @EnableConfigurationProperties(OrchestratorProperties.class)
    static class PlanningApp {
    }

    @Test
    void startsWithoutAKeyAndPlansWithTheRules() {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getBeansOfType(ChatModel.class)).isEmpty();
            assertThat(context.getBeansOfType(LlmPlanner.class)).isEmpty();
            PlanningService planning = context.getBean(PlanningService.class);
            assertThat(planning.planner()).isEqualTo(Planner.RULES);
            assertThat(planning.plan(EXAMPLE_REQUEST, Catalogs.all()).source()).isEqualTo("rules");
        }
    }

    @Test
    void plansWithTheLlmOfAKeyLessLocalServer() {
        try (ConfigurableApplicationContext context = run("--LLM_BASE_URL=http://localhost:11434",
                "--LLM_MODEL=llama3.1", "--orchestrator.planner.max-steps=12")) {
            assertThat(context.getBeansOfType(LlmPlanner.class)).hasSize(1);
            assertThat(context.getBean(PlanningService.class).planner()).isEqualTo(Planner.OPENAI_COMPATIBLE_LLM);
            assertThat(context.getBean(OpenAiChatModel.class).getDefaultOptions().getModel()).isEqualTo("llama3.1");
            assertThat(context.getBean(OpenAiChatModel.class).getDefaultOptions().getTemperature()).isZero();
            assertThat(context.getBean(OrchestratorProperties.class).planner().maxSteps()).isEqualTo(12);
        }
    }

    @Test
    void takesThePlannersTemperatureFromLlmTemperature() {
        try (ConfigurableApplicationContext context = run("--LLM_BASE_URL=http://localhost:11434",
                "--LLM_TEMPERATURE=0.3")) {
            assertThat(context.getBean(OpenAiChatModel.class).getDefaultOptions().getTemperature()).isEqualTo(0.3);
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(PlanningApp.class).web(WebApplicationType.NONE)
                .run(append(args, "--spring.main.banner-mode=off", "--server.shutdown=immediate"));
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
