package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The default store: one JVM's memory, bounded in size, each record kept for its own time to live. */
public class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Held(IdempotencyRecord record, Duration ttl) {
    }

    private final Cache<String, Held> records;

    public InMemoryIdempotencyStore(long maxEntries) {
        this.records = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Held>writing((key, held) -> held.ttl()))
                .build();
    }

    @Override
    public Optional<IdempotencyRecord> claim(String key, String operation, String owner, Duration ttl) {
        Held mine = new Held(new IdempotencyRecord(operation, owner, null), ttl);
        Held current = records.asMap().putIfAbsent(key, mine);
        return current == null ? Optional.empty() : Optional.of(current.record());
    }

    // complete and release change a record only by a conditional replace or remove: a compute that kept the
    // record would count as a write and restart its expiry, so a refused call would prolong someone's claim

    @Override
    public void complete(String key, String owner, AgentServiceResponse response, Duration retention) {
        Held held = records.getIfPresent(key);
        if (held != null && ownedBy(held, owner)) {
            records.asMap().replace(key, held,
                    new Held(new IdempotencyRecord(held.record().operation(), owner, response), retention));
        }
    }

    @Override
    public void release(String key, String owner) {
        Held held = records.getIfPresent(key);
        if (held != null && ownedBy(held, owner)) {
            records.asMap().remove(key, held);
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(records.getIfPresent(key)).map(Held::record);
    }

    private static boolean ownedBy(Held held, String owner) {
        return !held.record().completed() && Objects.equals(held.record().owner(), owner);
    }
}
