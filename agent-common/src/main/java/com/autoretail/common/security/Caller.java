package com.autoretail.common.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent the request being served: the name of the credential (an API key's name, or a bearer token's subject)
 * and its roles, read from Spring Security's context. A service that has no credentials configured is open: its
 * caller is {@link #OPEN}, holding every role.
 *
 * @param name  the credential's name, never blank
 * @param roles lower-case role names ({@link #VIEWER}, {@link #OPERATOR}, ...)
 */
public record Caller(String name, Set<String> roles) {

    /** Reads workflows and plans. */
    public static final String VIEWER = "viewer";
    /** Starts workflows. */
    public static final String OPERATOR = "operator";
    /** Approves or rejects workflows that wait for a person. */
    public static final String APPROVER = "approver";
    /** Everything, other callers' workflows included. */
    public static final String ADMIN = "admin";
    /** Another service of the fleet: the orchestrator calling an agent, sales calling inventory, an agent its MCP server. */
    public static final String SERVICE = "service";
    /** The customer-facing sales chat, which grants nothing else. */
    public static final String CHAT = "chat";

    /** Every role there is. */
    public static final Set<String> ALL_ROLES = Set.of(VIEWER, OPERATOR, APPROVER, ADMIN, SERVICE, CHAT);

    /** The roles of the back office and of the fleet: every role but {@link #CHAT}. They see health details and metrics. */
    public static final Set<String> FLEET_ROLES = Set.of(VIEWER, OPERATOR, APPROVER, ADMIN, SERVICE);

    /** The caller of a service that has no credentials configured: anyone, with every role. */
    public static final Caller OPEN = new Caller("anonymous", ALL_ROLES);

    /**
     * The caller of a secured service's public endpoint (health, a public chat) who sent no credential: no role. Not
     * {@link #OPEN}: a service with credentials never grants a role to a caller it did not authenticate.
     */
    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of());

    private static final String ROLE_PREFIX = "ROLE_";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * The caller of the request on this thread: {@link #OPEN} when no security context is set (a service without
     * credentials, or work outside a request), {@link #ANONYMOUS} when a secured service let the request through
     * unauthenticated, else the credential's name and roles (none, for a token that carries none).
     */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return OPEN;
        }
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        if (authentication instanceof CallerAuthentication known && known.caller().equals(OPEN)) {
            return OPEN; // an open service's every request: its roles are already what the authorities spell
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(authentication.getName(), roles);
    }

    /** Whether the caller holds the role, or {@link #ADMIN}, which holds them all. */
    public boolean has(String role) {
        return roles.contains(role) || roles.contains(ADMIN);
    }

    /** Whether the caller may see what health details show (dependencies' addresses and errors): a fleet role. */
    public boolean seesDetails() {
        return roles.stream().anyMatch(FLEET_ROLES::contains);
    }

    /** The Spring Security authority of a role ({@code ROLE_APPROVER} for {@code approver}). */
    public static String authority(String role) {
        return ROLE_PREFIX + role.toUpperCase(Locale.ROOT);
    }
}
