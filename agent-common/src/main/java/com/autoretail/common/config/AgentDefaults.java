package com.autoretail.common.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the fleet's defaults ({@code agent-common-defaults.properties}: snake_case JSON, virtual threads,
 * Actuator probes, the architecture document's environment variables) as the lowest-priority property source, so that an
 * application's own configuration always wins.
 */
public class AgentDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "agent-common-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(SOURCE, new ClassPathResource(SOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
