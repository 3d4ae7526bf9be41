package com.autoretail.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmSwitchTest {

    private static final List<String> MODELS =
            List.of("chat", "embedding", "image", "audio.speech", "audio.transcription", "moderation");

    @Test
    void switchesEveryOpenAiModelOffWhenNoKeyAndNoServerAreConfigured() {
        ConfigurableEnvironment environment = process(new MockPropertySource().withProperty("spring.ai.openai.api-key", ""));

        MODELS.forEach(model -> assertThat(environment.getProperty("spring.ai.model." + model)).isEqualTo("none"));
    }

    @Test
    void switchesTheModelsOffForTheOpenAiUrlWithoutAKey() {
        ConfigurableEnvironment environment = process(
                new MockPropertySource().withProperty("spring.ai.openai.base-url", "https://api.openai.com"));

        assertThat(environment.getProperty("spring.ai.model.chat")).isEqualTo("none");
    }

    @Test
    void keepsTheChatModelWithAKeyFromTheEnvironmentVariable() {
        ConfigurableEnvironment environment = process(new MockPropertySource().withProperty("OPENAI_API_KEY", "sk-test"));

        assertThat(environment.getProperty("spring.ai.model.chat")).isNull();
        assertThat(environment.getProperty("spring.ai.openai.api-key")).isEqualTo("sk-test");
        assertThat(environment.getProperty("spring.ai.model.embedding")).isEqualTo("none");
        assertThat(environment.getProperty("spring.ai.openai.chat.options.model")).isEqualTo("gpt-4o-mini");
        assertThat(environment.getProperty("spring.ai.openai.chat.options.temperature")).isEqualTo("0");
    }

    @Test
    void keepsTheKeyOfTheConfiguration() {
        ConfigurableEnvironment environment = process(new MockPropertySource()
                .withProperty("spring.ai.openai.api-key", "sk-config").withProperty("OPENAI_API_KEY", "sk-env"));

        assertThat(environment.getProperty("spring.ai.openai.api-key")).isEqualTo("sk-config");
        assertThat(environment.getProperty("spring.ai.model.chat")).isNull();
    }

    @Test
    void givesAKeyLessLocalServerAPlaceholderKeyAndTheModelOfLlmModel() {
        ConfigurableEnvironment environment = process(new MockPropertySource()
                .withProperty("LLM_BASE_URL", "http://localhost:11434").withProperty("LLM_MODEL", "llama3.1")
                .withProperty("spring.ai.openai.chat.options.model", "gpt-4o"));

        assertThat(environment.getProperty("spring.ai.model.chat")).isNull();
        assertThat(environment.getProperty("spring.ai.openai.base-url")).isEqualTo("http://localhost:11434");
        assertThat(environment.getProperty("spring.ai.openai.api-key")).isEqualTo("not-needed");
        assertThat(environment.getProperty("spring.ai.openai.chat.options.model")).isEqualTo("llama3.1");
    }

    @Test
    void isRegisteredForEveryApplicationOfTheModule() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                SpringFactoriesLoader.ArgumentResolver.of(org.springframework.boot.logging.DeferredLogFactory.class,
                        new DeferredLogs())))
                .anyMatch(LlmSwitch.class::isInstance);
    }

    private static ConfigurableEnvironment process(MockPropertySource configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(configured);
        new LlmSwitch(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
