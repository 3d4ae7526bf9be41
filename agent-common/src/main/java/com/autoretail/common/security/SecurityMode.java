package com.autoretail.common.security;

/**
 * How a service authenticates its callers, as its {@code /health} reports it in {@code security}: {@code open}
 * (no credential configured: anyone may call, the local default), {@code api-keys}, {@code jwt} or
 * {@code api-keys+jwt}.
 */
public enum SecurityMode {
    OPEN("open"), API_KEYS("api-keys"), JWT("jwt"), API_KEYS_AND_JWT("api-keys+jwt");

    private final String wireName;

    SecurityMode(String wireName) {
        this.wireName = wireName;
    }

    /** The mode of a service with these credentials. */
    public static SecurityMode of(boolean apiKeys, boolean jwt) {
        return apiKeys ? (jwt ? API_KEYS_AND_JWT : API_KEYS) : (jwt ? JWT : OPEN);
    }

    /** The value of {@code security} in {@code /health}. */
    public String wireName() {
        return wireName;
    }

    public boolean open() {
        return this == OPEN;
    }
}
