package com.autoretail.common.idempotency;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of a request: SHA-256 (hex) of its operation and its parameters as canonical JSON. Canonical
 * means keys sorted at every depth, numbers by value ({@code 100} and {@code 100.0} are one amount) and null
 * members left out, so that the same request sent again by any client has the same fingerprint, and another request under the same request_id is told apart.
 */
public final class Fingerprint {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Fingerprint() {
    }

    public static String of(String operation, Map<String, ?> parameters) {
        try {
            String json = CANONICAL.writeValueAsString(List.of(operation, canonical(parameters == null ? Map.of() : parameters)));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a request of " + operation, e);
        }
    }

    private static Object canonical(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((key, member) -> {
                    if (member != null) {
                        sorted.put(String.valueOf(key), canonical(member));
                    }
                });
                yield sorted;
            }
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(canonical(item)));
                yield items;
            }
            case BigDecimal number -> number.stripTrailingZeros();
            case Double number when number.isInfinite() || number.isNaN() -> number.toString();
            case Float number when number.isInfinite() || number.isNaN() -> number.toString();
            case Number number -> new BigDecimal(number.toString()).stripTrailingZeros();
            default -> value;
        };
    }
}
