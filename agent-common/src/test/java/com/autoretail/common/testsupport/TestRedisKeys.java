package com.autoretail.common.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A test class's own keys in the {@link TestRedis}: a random key prefix, templates on connections of their own,
 * and, after the class's last test, every key under the prefix deleted and the connections closed. Registered on
 * a static field of a top-level test class:
 * {@code @RegisterExtension static final TestRedisKeys REDIS = new TestRedisKeys("test:inventory");}
 */
public final class TestRedisKeys implements AfterAllCallback {

    private static final int SCAN_BATCH = 1000;

    private final String prefix;
    private final List<LettuceConnectionFactory> connections = new ArrayList<>();
    private StringRedisTemplate template;

    /** @param name the start of the prefix; a random part and {@code :} follow it */
    public TestRedisKeys(String name) {
        this.prefix = name + ":" + UUID.randomUUID() + ":";
    }

    /** The prefix every key of the test class starts with, ending in {@code :}. */
    public String prefix() {
        return prefix;
    }

    /** The test class's template, connected on first use. */
    public synchronized StringRedisTemplate template() {
        if (template == null) {
            template = newConnection();
        }
        return template;
    }

    /** A template on a connection of its own, as another agent instance (or the same one restarted) has. */
    public synchronized StringRedisTemplate newConnection() {
        LettuceConnectionFactory factory = TestRedis.connectionFactory();
        connections.add(factory);
        return new StringRedisTemplate(factory);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        try {
            StringRedisTemplate redis = template();
            List<String> keys = new ArrayList<>();
            ScanOptions ours = ScanOptions.scanOptions().match(prefix + "*").count(SCAN_BATCH).build();
            try (Cursor<String> cursor = redis.scan(ours)) {
                cursor.forEachRemaining(keys::add);
            }
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
        } finally {
            connections.forEach(LettuceConnectionFactory::destroy);
            connections.clear();
            template = null;
        }
    }
}
