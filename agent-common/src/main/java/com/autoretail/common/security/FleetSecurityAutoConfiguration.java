package com.autoretail.common.security;

import com.autoretail.common.web.ErrorResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.util.List;

/**
 * One stateless {@link SecurityFilterChain} for every service of the fleet: API keys ({@code X-API-Key}, several,
 * each with its roles) and, when Spring's resource server has a {@link JwtDecoder}, bearer tokens; each endpoint
 * for the roles its {@link EndpointAccess} rule names, health open, the rest for admins. No session, no CSRF
 * (an API), no form or basic login, no generated password. Without any credential the service stays open (the local
 * default) and says so at start and in {@code /health}; with {@code agent.security.required-keys} set (the
 * {@code prod} profile) it refuses to start while one of them is missing.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class FleetSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FleetSecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SecurityMode securityMode(SecurityProperties properties, ObjectProvider<JwtDecoder> jwt, Environment environment) {
        SecurityMode mode = SecurityMode.of(!properties.acceptedKeys().isEmpty(), jwt.getIfAvailable() != null);
        List<String> missing = RequiredCredentials.missing(properties, mode);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start without credentials (agent.security.required-keys, "
                    + "set by the prod profile): set " + String.join(", ", missing)
                    + " in the environment; see the README's Security section");
        }
        String app = environment.getProperty("spring.application.name", "this service");
        if (mode.open()) {
            log.warn("SECURITY OPEN: no API key and no JWT issuer configured, so every endpoint of {} answers anyone "
                    + "who reaches its port (the local default). Set AGENT_API_KEY and the other keys, or run with "
                    + "the prod profile, which requires them.", app);
        } else {
            log.info("Security of {}: {}; API keys accepted: {}", app, mode.wireName(), properties.acceptedKeys()
                    .entrySet().stream().map(e -> e.getKey() + " " + e.getValue().roles()).toList());
        }
        return mode;
    }

    /**
     * No Micrometer observation of Spring Security's own (a timer, a long-task timer and a trace span around the chain
     * and each of its filters, on every request): they took about a fifth of a {@code /health} request's CPU time. The
     * request itself is still observed ({@code http.server.requests} and its span), and what the chain decides is
     * unchanged.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain fleetSecurityFilterChain(HttpSecurity http, SecurityProperties properties, SecurityMode mode,
                                                 ObjectProvider<JwtDecoder> jwt,
                                                 ObjectProvider<EndpointAccess> rules,
                                                 ObjectProvider<ErrorResponses> errorResponses,
                                                 ObjectMapper mapper) throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable());
        if (mode.open()) {
            return http.anonymous(anonymous -> anonymous.disable())
                    .addFilterBefore(new OpenAccessFilter(), AnonymousAuthenticationFilter.class)
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                    .build();
        }
        AccessRules access = new AccessRules(rules.orderedStream().toList(), properties.chatPublic());
        SecurityErrors errors = new SecurityErrors(errorResponses.getIfAvailable(() -> new ErrorResponses(mapper)),
                jwt.getIfAvailable() != null, access::requiredRoles);
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    access.apply(authorize);
                });
        ApiKeys keys = new ApiKeys(properties.acceptedKeys());
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.decoder(jwt.getObject()).jwtAuthenticationConverter(new JwtCallers(properties.jwt())))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors));
            http.addFilterBefore(new ApiKeyAuthenticationFilter(keys, errors), BearerTokenAuthenticationFilter.class);
        } else {
            http.addFilterBefore(new ApiKeyAuthenticationFilter(keys, errors), AnonymousAuthenticationFilter.class);
        }
        return http.build();
    }
}
