package com.autoretail.mcpstubs.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The one JSON mapping of the stubs: snake_case keys and ISO-8601 timestamps, for seed files and
 * tool results alike. Kept apart from the application's {@code ObjectMapper} so the MCP transport's
 * own JSON stays untouched.
 */
public final class StubJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private StubJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
        }
    }

    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, MAP);
    }

    /**
     * Reads seed data from a resource location such as {@code classpath:data/parts.json} or
     * {@code file:/srv/parts.json}.
     */
    static <T> T read(ResourceLoader resources, String location, Class<T> type) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("Seed data not found at " + location);
        }
        try (InputStream json = resource.getInputStream()) {
            return read(json, type);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read seed data from " + location, ex);
        }
    }

    static <T> T read(InputStream json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + type.getSimpleName() + " from JSON", ex);
        }
    }

}
