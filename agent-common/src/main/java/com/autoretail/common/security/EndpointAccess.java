package com.autoretail.common.security;

import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Set;

/**
 * Which roles may call some endpoints of a service. Each service declares its own as beans (an agent gets the agent
 * contract's from agent-common); {@link Caller#ADMIN} may call everything, and an endpoint no rule names is for
 * admins only. Rules are tried in the order of their beans, the first whose method and path match decides.
 *
 * @param method   the HTTP method, or null for any
 * @param patterns path patterns ({@code /workflow/*}{@code /approve}, {@code /hold/**})
 * @param roles    the roles that may call them (besides admin)
 * @param open     whether anyone may call them, authenticated or not (static assets such as a web page, whose
 *                 own API calls carry the caller's credential): no role is asked for
 */
public record EndpointAccess(HttpMethod method, List<String> patterns, Set<String> roles, boolean open) {

    public EndpointAccess {
        patterns = List.copyOf(patterns);
        roles = Set.copyOf(roles);
    }

    /** Paths for some roles (besides admin). */
    public EndpointAccess(HttpMethod method, List<String> patterns, Set<String> roles) {
        this(method, patterns, roles, false);
    }

    /** The paths with one method, for anyone: nothing behind them may need a credential. */
    public static EndpointAccess open(HttpMethod method, List<String> patterns) {
        return new EndpointAccess(method, patterns, Set.of(), true);
    }

    /** The paths, whatever the method, for these roles. */
    public static EndpointAccess any(List<String> patterns, String... roles) {
        return new EndpointAccess(null, patterns, Set.of(roles));
    }

    /** The paths with one method, for these roles. */
    public static EndpointAccess of(HttpMethod method, List<String> patterns, String... roles) {
        return new EndpointAccess(method, patterns, Set.of(roles));
    }

    /** Whether the customer chat surface is what these endpoints are (public when {@code agent.security.chat-public}). */
    boolean chat() {
        return roles.contains(Caller.CHAT);
    }
}
