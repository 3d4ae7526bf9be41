package com.autoretail.common.idempotency;

import com.autoretail.common.wire.AgentServiceResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The default store: one JVM's memory. Final responses live in a cache bounded in size, each kept for its own
 * retention; claims in flight live apart and are never evicted to make room (forgetting one would let a retry
 * run a side effect twice): when {@code maxEntries} of them are in flight a new claim is refused instead.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

    /** An in-flight claim; times are {@link System#nanoTime()}. */
    private record Claim(IdempotencyRecord record, long leaseEnd, Duration retention) {

        boolean ownedBy(String owner) {
            return Objects.equals(record.owner(), owner);
        }

        Claim withLeaseEnd(long end) {
            return new Claim(record, end, retention);
        }

        boolean forgotten(long now) {
            return now - leaseEnd > retention.toNanos();
        }
    }

    private record Held(IdempotencyRecord record, Duration retention) {
    }

    private final long maxEntries;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Claim> inFlight = new ConcurrentHashMap<>();
    private final Cache<String, Held> completed;

    public InMemoryIdempotencyStore(long maxEntries) {
        this(maxEntries, System::nanoTime);
    }

    InMemoryIdempotencyStore(long maxEntries, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.clock = nanoClock;
        this.completed = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Held>writing((key, held) -> held.retention()))
                .build();
    }

    @Override
    public Optional<IdempotencyRecord> claim(String key, String operation, String fingerprint, String owner,
                                             Duration lease, Duration retention) {
        if (inFlight.size() >= maxEntries) {
            // only claims whose owner gave up longer than their retention ago are let go
            long now = clock.getAsLong();
            inFlight.values().removeIf(claim -> claim.forgotten(now));
        }
        AtomicReference<IdempotencyRecord> found = new AtomicReference<>();
        AtomicBoolean full = new AtomicBoolean();
        inFlight.compute(key, (k, current) -> {
            long now = clock.getAsLong();
            if (current == null) {
                // complete() moves a record to the cache inside this key's compute: no claim slips in between
                Held done = completed.getIfPresent(k);
                if (done != null) {
                    found.set(done.record());
                    return null;
                }
                if (inFlight.size() >= maxEntries) {
                    full.set(true);
                    return null;
                }
            } else if (!current.record().sameRequestAs(operation, fingerprint) || current.leaseEnd() - now > 0) {
                found.set(current.record());
                return current;
            }
            return new Claim(new IdempotencyRecord(operation, fingerprint, owner, null), now + lease.toNanos(),
                    retention);
        });
        if (full.get()) {
            throw new StoreFullException(maxEntries + " requests are in flight; none is forgotten to make room");
        }
        return Optional.ofNullable(found.get());
    }

    @Override
    public boolean renew(String key, String owner, Duration lease) {
        AtomicBoolean renewed = new AtomicBoolean();
        inFlight.computeIfPresent(key, (k, claim) -> {
            if (!claim.ownedBy(owner)) {
                return claim;
            }
            renewed.set(true);
            return claim.withLeaseEnd(clock.getAsLong() + lease.toNanos());
        });
        return renewed.get();
    }

    @Override
    public void complete(String key, String owner, AgentServiceResponse response, Duration retention) {
        inFlight.computeIfPresent(key, (k, claim) -> {
            if (!claim.ownedBy(owner)) {
                return claim;
            }
            IdempotencyRecord held = claim.record();
            completed.put(k, new Held(new IdempotencyRecord(held.operation(), held.fingerprint(), owner, response),
                    retention));
            return null;
        });
    }

    @Override
    public void release(String key, String owner) {
        inFlight.computeIfPresent(key, (k, claim) -> claim.ownedBy(owner) ? null : claim);
    }

    @Override
    public void abandon(String key, String owner) {
        inFlight.computeIfPresent(key, (k, claim) -> claim.ownedBy(owner) ? claim.withLeaseEnd(clock.getAsLong()) : claim);
    }

    @Override
    public Optional<IdempotencyRecord> find(String key) {
        Claim claim = inFlight.get(key);
        if (claim != null) {
            return Optional.of(claim.record());
        }
        return Optional.ofNullable(completed.getIfPresent(key)).map(Held::record);
    }
}
