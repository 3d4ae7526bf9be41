package com.autoretail.common.security;

import java.util.ArrayList;
import java.util.List;

/** What a service that must not start open ({@code agent.security.required-keys}) still lacks. */
final class RequiredCredentials {

    private RequiredCredentials() {
    }

    /**
     * The variables to set, one per required key that is not set. A JWT issuer stands in for a key of people
     * (back office, chat), never for the service-to-service key; a public chat stands in for the chat key.
     */
    static List<String> missing(SecurityProperties properties, SecurityMode mode) {
        List<String> missing = new ArrayList<>();
        for (String name : properties.requiredKeys()) {
            SecurityProperties.Key key = properties.keys().get(name);
            if (key != null && key.isSet()) {
                continue;
            }
            boolean service = key != null && key.roles().contains(Caller.SERVICE);
            boolean chat = key != null && key.roles().contains(Caller.CHAT);
            boolean jwt = mode == SecurityMode.JWT || mode == SecurityMode.API_KEYS_AND_JWT;
            if ((jwt && !service) || (chat && properties.chatPublic())) {
                continue;
            }
            String variable = key == null || key.variable() == null ? "agent.security.keys." + name + ".key"
                    : key.variable();
            missing.add(variable + " (the '" + name + "' key)");
        }
        if (!properties.requiredKeys().isEmpty() && mode.open() && missing.isEmpty()) {
            missing.add("an API key or a JWT issuer");
        }
        return missing;
    }
}
