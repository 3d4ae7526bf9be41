package com.autoretail.common.config;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switches the fleet's LLM features on or off before the context starts, the same way in every service that has
 * Spring AI's OpenAI support (the orchestrator's planner, the sales agent's intent classifier). With an OpenAI key
 * ({@code OPENAI_API_KEY} or {@code spring.ai.openai.api-key}) or a custom OpenAI-compatible server
 * ({@code LLM_BASE_URL} or {@code spring.ai.openai.base-url}, e.g. Ollama or vLLM) the LLM is used; without
 * either, every Spring AI OpenAI model is switched off ({@code spring.ai.model.*=none}), so the service starts
 * without a key and uses its rules. A key-less custom server gets a placeholder key, which the OpenAI
 * auto-configuration insists on. {@code LLM_MODEL} names the model (default {@value #DEFAULT_MODEL});
 * temperature is 0. The fleet only chats, so the embedding, image, audio and moderation models are off.
 */
public class LlmSwitch implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULT_MODEL = "gpt-4o-mini";
    static final String PLACEHOLDER_KEY = "not-needed";

    private static final String OPENAI_HOST = "api.openai.com";
    private static final List<String> OTHER_MODELS =
            List.of("embedding", "image", "audio.speech", "audio.transcription", "moderation");

    private final Log log;

    public LlmSwitch(DeferredLogFactory logs) {
        this.log = logs.getLog(LlmSwitch.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        String key = first(environment, "spring.ai.openai.chat.api-key", "spring.ai.openai.api-key");
        String envKey = environment.getProperty("OPENAI_API_KEY");
        if (blank(key) && !blank(envKey)) {
            key = envKey.trim();
            overrides.put("spring.ai.openai.api-key", key);
        }
        String baseUrl = environment.getProperty("LLM_BASE_URL");
        if (!blank(baseUrl)) {
            overrides.put("spring.ai.openai.base-url", baseUrl.trim());
        } else {
            baseUrl = first(environment, "spring.ai.openai.chat.base-url", "spring.ai.openai.base-url");
        }
        boolean customServer = !blank(baseUrl) && !baseUrl.contains(OPENAI_HOST);
        String model = environment.getProperty("LLM_MODEL");
        if (!blank(model)) {
            overrides.put("spring.ai.openai.chat.options.model", model.trim());
        }
        defaults.put("spring.ai.openai.chat.options.model", DEFAULT_MODEL);
        defaults.put("spring.ai.openai.chat.options.temperature", "0");
        OTHER_MODELS.forEach(other -> defaults.put("spring.ai.model." + other, "none"));
        if (blank(key) && customServer) {
            overrides.put("spring.ai.openai.api-key", PLACEHOLDER_KEY);
        } else if (blank(key)) {
            overrides.put("spring.ai.model.chat", "none");
            OTHER_MODELS.forEach(other -> overrides.put("spring.ai.model." + other, "none"));
            log.info("No OpenAI API key and no LLM_BASE_URL: LLM features are off, the built-in rules plan and classify");
        }
        if (!overrides.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("fleetLlmOverrides", overrides));
        }
        environment.getPropertySources().addLast(new MapPropertySource("fleetLlmDefaults", defaults));
    }

    /** After the application's config files are loaded, so that their keys and URLs are seen. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    private static String first(ConfigurableEnvironment environment, String... names) {
        for (String name : names) {
            String value = environment.getProperty(name);
            if (!blank(value)) {
                return value.trim();
            }
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
