package com.autoretail.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call a service, under {@code agent.security.*}: the API keys it accepts, each named and with its roles,
 * and how bearer tokens (JWT) map onto roles. Keys are a map by name so that a deployment adds one from the
 * environment ({@code AGENT_SECURITY_KEYS_OPS_KEY}, {@code AGENT_SECURITY_KEYS_OPS_ROLES=operator}) without
 * repeating the others. A key whose value is blank is not accepted: the fleet's single-key variables
 * ({@code AGENT_API_KEY}, {@code ORCHESTRATOR_API_KEY}, {@code SALES_CHAT_API_KEY}) map onto named keys that way.
 *
 * @param keys         the accepted API keys by name
 * @param chatPublic   the customer chat surface (endpoints that need {@link Caller#CHAT}) answers without a credential
 * @param requiredKeys keys that must be set for the service to start ({@code prod}); a configured JWT issuer stands
 *                     in for any of them but the {@code service} ones, the service-to-service key
 * @param jwt          how a bearer token's claims become a caller
 */
@Validated
@ConfigurationProperties("agent.security")
public record SecurityProperties(
        Map<String, Key> keys,
        @DefaultValue("false") boolean chatPublic,
        List<String> requiredKeys,
        @DefaultValue Jwt jwt) {

    public SecurityProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        requiredKeys = requiredKeys == null ? List.of() : List.copyOf(requiredKeys);
    }

    /**
     * One API key.
     *
     * @param key      the secret callers send as {@code X-API-Key}; blank: not accepted
     * @param roles    the roles it grants ({@link Caller#VIEWER}, {@link Caller#SERVICE}, ...)
     * @param variable the environment variable that sets it, named in the message when a required key is missing
     */
    public record Key(String key, Set<String> roles, String variable) {
        public Key {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        /** Whether a secret is set. */
        public boolean isSet() {
            return key != null && !key.isBlank();
        }
    }

    /**
     * Bearer tokens, accepted when Spring's resource server has a decoder
     * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code .jwk-set-uri} or
     * {@code .public-key-location}).
     *
     * @param rolesClaim the claim holding the caller's roles: a list or a space-separated string ({@code scope})
     * @param nameClaim  the claim naming the caller
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String nameClaim) {
    }

    /** The keys that are set, by name. */
    public Map<String, Key> acceptedKeys() {
        Map<String, Key> accepted = new java.util.TreeMap<>();
        keys.forEach((name, key) -> {
            if (key.isSet()) {
                accepted.put(name, key);
            }
        });
        return accepted;
    }
}
