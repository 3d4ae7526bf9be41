package com.autoretail.common.a2a;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The A2A settings of a service ({@code agent.a2a.*}).
 *
 * @param publicUrl the base URL other agents reach this service at, as its Agent Card announces it
 *                  ({@code A2A_PUBLIC_URL}); unset, the card names the address it was fetched from
 */
@ConfigurationProperties("agent.a2a")
public record A2aProperties(String publicUrl) {

    /** The configured public base URL without a trailing slash, or null. */
    public String publicBaseUrl() {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String trimmed = publicUrl.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
