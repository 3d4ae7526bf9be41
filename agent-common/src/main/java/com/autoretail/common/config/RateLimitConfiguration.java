package com.autoretail.common.config;

import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.security.RateLimitFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Requests per caller for every service of the fleet (agents and orchestrator alike): the {@link RateLimitFilter},
 * after authentication so that it knows the caller, before anything else reads the request.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "agent.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitConfiguration.RateLimitProperties.class)
public class RateLimitConfiguration {

    /** After Spring Security's filter chain (order -100), which names the caller. */
    static final int ORDER = -50;

    /**
     * {@code agent.rate-limit.*}.
     *
     * @param enabled       off turns the limit off
     * @param period        the window each limit counts in
     * @param perCredential requests per period of one named credential (an operator's or viewer's key, a token)
     * @param anonymous     requests per period of one client address that nobody authenticated, and of one address
     *                      on the customer chat's credential
     * @param maxTracked    the most callers whose limiters are kept at once
     */
    @Validated
    @ConfigurationProperties("agent.rate-limit")
    public record RateLimitProperties(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1s") Duration period,
            @Positive @DefaultValue("1000") int perCredential,
            @Positive @DefaultValue("5000") int anonymous,
            @Positive @DefaultValue("10000") long maxTracked) {
    }

    @Bean
    @ConditionalOnMissingBean(name = "rateLimitFilter")
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties,
                                                            ObjectProvider<ErrorResponses> errors,
                                                            ObjectMapper mapper) {
        var settings = new RateLimitFilter.Settings(properties.period(), properties.perCredential(),
                properties.anonymous(), properties.maxTracked());
        var registration = new FilterRegistrationBean<>(
                new RateLimitFilter(settings, errors.getIfAvailable(() -> new ErrorResponses(mapper))));
        registration.setOrder(ORDER);
        return registration;
    }
}
