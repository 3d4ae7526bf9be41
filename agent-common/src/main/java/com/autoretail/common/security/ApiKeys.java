package com.autoretail.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys a service accepts, looked up in constant time: every key's SHA-256 is compared with the given one's,
 * all of them, whichever matches, so that neither the position of a key nor its common prefix with a guess shows in
 * the time of an answer.
 */
public final class ApiKeys {

    /** The header an API key travels in, to a service and from it. */
    public static final String HEADER = "X-API-Key";

    private record Entry(String name, byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;

    public ApiKeys(Map<String, SecurityProperties.Key> keys) {
        this.entries = keys.entrySet().stream()
                .map(e -> new Entry(e.getKey(), sha256(e.getValue().key()), new Caller(e.getKey(), e.getValue().roles())))
                .toList();
    }

    /** The caller a key belongs to, if any. */
    public Optional<Caller> find(String given) {
        byte[] digest = sha256(given);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
