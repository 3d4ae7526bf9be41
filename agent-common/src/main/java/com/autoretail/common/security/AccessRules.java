package com.autoretail.common.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fleet's authorization, in the order it is tried: health and the A2A Agent Card open; each service's {@link EndpointAccess} rules
 * (the open ones, and the chat surface when it is public, for anyone); the other actuator endpoints for any role of the back office or the
 * fleet; everything else for admins.
 */
final class AccessRules {

    /** Health, and the A2A Agent Card: what a caller reads before it has (or to learn which) credentials. */
    static final List<String> OPEN_PATHS = List.of("/health", "/actuator/health", "/actuator/health/**", "/error",
            "/.well-known/agent-card.json");

    private record Rule(RequestMatcher matcher, Set<String> roles, boolean open) {
    }

    private final List<Rule> rules = new ArrayList<>();

    AccessRules(List<EndpointAccess> endpoints, boolean chatPublic) {
        rules.add(new Rule(matcher(null, OPEN_PATHS), Set.of(), true));
        for (EndpointAccess endpoint : endpoints) {
            rules.add(new Rule(matcher(endpoint.method(), endpoint.patterns()), endpoint.roles(),
                    endpoint.open() || endpoint.chat() && chatPublic));
        }
        rules.add(new Rule(matcher(null, List.of("/actuator/**")), Caller.FLEET_ROLES, false));
    }

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
        for (Rule rule : rules) {
            if (rule.open()) {
                authorize.requestMatchers(rule.matcher()).permitAll();
            } else {
                authorize.requestMatchers(rule.matcher()).hasAnyRole(roleNames(rule.roles()));
            }
        }
        authorize.anyRequest().hasRole(Caller.ADMIN.toUpperCase(Locale.ROOT));
    }

    /** The roles the first rule matching the request asks for (admin only when none matches). */
    Set<String> requiredRoles(HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst()
                .map(Rule::roles).orElse(Set.of());
    }

    private static String[] roleNames(Set<String> roles) {
        Set<String> names = new LinkedHashSet<>();
        roles.forEach(role -> names.add(role.toUpperCase(Locale.ROOT)));
        names.add(Caller.ADMIN.toUpperCase(Locale.ROOT));
        return names.toArray(String[]::new);
    }

    private static RequestMatcher matcher(org.springframework.http.HttpMethod method, List<String> patterns) {
        List<RequestMatcher> matchers = patterns.stream()
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern))
                .toList();
        return matchers.size() == 1 ? matchers.get(0) : new OrRequestMatcher(matchers);
    }
}
