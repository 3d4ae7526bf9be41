package com.autoretail.orchestrator.api;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which callback URLs the orchestrator will POST to: absolute http(s) URLs whose host is on the allow-list
 * (by default the fleet's own hosts), so a caller can't aim the orchestrator at other hosts of its network.
 */
class CallbackPolicy {

    private final Set<String> allowedHosts;

    CallbackPolicy(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the URL is refused, or null when it is allowed. */
    String refusal(String callbackUrl) {
        URI uri;
        try {
            uri = URI.create(callbackUrl);
        } catch (IllegalArgumentException e) {
            return "callback_url: not a URL";
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return "callback_url: must be an absolute http or https URL";
        }
        if (uri.getUserInfo() != null) {
            return "callback_url: must not carry credentials";
        }
        if (!allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return "callback_url: host " + uri.getHost() + " is not allowed (allowed: "
                    + String.join(", ", allowedHosts.stream().sorted().toList()) + ")";
        }
        return null;
    }
}
