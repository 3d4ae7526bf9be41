package com.autoretail.inventory.store;

import com.autoretail.common.wire.AgentHealth;
import com.autoretail.inventory.store.HoldOutcome.Created;
import com.autoretail.inventory.store.HoldOutcome.KeyInUse;
import com.autoretail.inventory.store.HoldOutcome.QuotaExceeded;
import com.autoretail.inventory.store.HoldOutcome.Replayed;
import com.autoretail.inventory.store.HoldOutcome.ShortStock;
import com.autoretail.inventory.store.HoldOutcome.UnknownSku;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Stock and holds in this JVM, the local default: one lock makes every check-and-change atomic. A lock rather
 * than {@code synchronized}, so that the virtual threads serving requests never pin their carrier on Java 21.
 * Holds live as long as the process; the idempotency key of a hold is kept as long as the hold. Finished holds are
 * forgotten after the retention, or sooner, oldest first, past {@link #MAX_FINISHED_HOLDS}. What each session and
 * customer holds is counted under the same lock, and forgotten when it holds nothing.
 */
public final class InMemoryInventoryStore implements InventoryStore {

    /** Finished holds kept at most, the oldest forgotten first, so that a busy store fits a small heap. */
    static final int MAX_FINISHED_HOLDS = 50_000;

    private final Clock clock;
    private final Duration retention;
    private final HoldLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Levels> products = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, String> holdsByKey = new HashMap<>();
    private final NavigableSet<Due> expiries = new TreeSet<>();
    private final NavigableSet<Due> forgettings = new TreeSet<>();
    private final Map<String, Usage> usage = new HashMap<>();

    /**
     * @param retention how long a finished hold (and its idempotency key) is kept for reads and replays
     * @param limits    what a session and a customer may hold at once
     */
    public InMemoryInventoryStore(Clock clock, Duration retention, HoldLimits limits) {
        this.clock = clock;
        this.retention = retention;
        this.limits = limits;
    }

    @Override
    public int seed(List<Product> seed) {
        return locked(() -> {
            int added = 0;
            for (Product product : seed) {
                if (products.putIfAbsent(product.sku(), new Levels(product)) == null) {
                    added++;
                }
            }
            return added;
        });
    }

    @Override
    public Optional<StockLevels> stock(String sku) {
        return locked(() -> Optional.ofNullable(products.get(sku)).map(levels -> levels.snapshot(sku)));
    }

    @Override
    public HoldOutcome hold(NewHold request) {
        return locked(() -> {
            Instant now = now();
            String boundHold = request.idempotencyKey() == null ? null : holdsByKey.get(request.idempotencyKey());
            if (boundHold != null) {
                Hold existing = current(boundHold, now).orElseThrow();
                return existing.madeBy(request) ? new Replayed(existing) : new KeyInUse(existing);
            }
            Levels levels = products.get(request.sku());
            if (levels == null) {
                return new UnknownSku();
            }
            int available = levels.stock.getOrDefault(request.location(), 0);
            if (available < request.quantity()) {
                return new ShortStock(available);
            }
            QuotaExceeded exceeded = quotaExceeded(HoldLimits.Scope.SESSION, request.owner().sessionId(),
                    request.quantity());
            if (exceeded == null) {
                exceeded = quotaExceeded(HoldLimits.Scope.CUSTOMER, request.owner().customerId(), request.quantity());
            }
            if (exceeded != null) {
                return exceeded;
            }
            int remaining = available - request.quantity();
            levels.stock.put(request.location(), remaining);
            levels.reserved += request.quantity();
            Hold hold = new Hold("hold-" + UUID.randomUUID(), request.sku(), request.location(), request.quantity(),
                    HoldStatus.HELD, now, now.plus(request.ttl()), remaining, request.idempotencyKey(),
                    request.owner());
            holds.put(hold.id(), hold);
            count(hold, 1);
            expiries.add(new Due(hold.expiresAt(), hold.id()));
            if (request.idempotencyKey() != null) {
                holdsByKey.put(request.idempotencyKey(), hold.id());
            }
            return new Created(hold);
        });
    }

    @Override
    public Optional<Hold> find(String holdId) {
        return locked(() -> current(holdId, now()));
    }

    @Override
    public Optional<Transition> release(String holdId) {
        return locked(() -> finish(holdId, HoldStatus.RELEASED, now()));
    }

    @Override
    public Optional<Transition> commit(String holdId) {
        return locked(() -> finish(holdId, HoldStatus.COMMITTED, now()));
    }

    @Override
    public int expireDue(int limit) {
        return locked(() -> {
            Instant now = now();
            forgetFinished(now);
            int seen = 0;
            while (seen < limit && !expiries.isEmpty() && !expiries.first().at().isAfter(now)) {
                finish(expiries.pollFirst().holdId(), HoldStatus.EXPIRED, now);
                seen++;
            }
            return seen;
        });
    }

    @Override
    public AgentHealth.Dependency health() {
        return AgentHealth.Dependency.up("memory");
    }

    private Optional<Hold> current(String holdId, Instant now) {
        Hold hold = holds.get(holdId);
        if (hold != null && hold.status() == HoldStatus.HELD && !hold.expiresAt().isAfter(now)) {
            finish(holdId, HoldStatus.EXPIRED, now);
            hold = holds.get(holdId);
        }
        return Optional.ofNullable(hold);
    }

    /** The one way out of {@code held}; the same rules as {@code finish_hold.lua}. */
    private Optional<Transition> finish(String holdId, HoldStatus wanted, Instant now) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            return Optional.empty();
        }
        if (hold.status() != HoldStatus.HELD) {
            return Optional.of(new Transition(holdId, hold.status(), 0));
        }
        boolean due = !hold.expiresAt().isAfter(now);
        if (wanted == HoldStatus.EXPIRED && !due) {
            return Optional.of(new Transition(holdId, HoldStatus.HELD, 0));
        }
        HoldStatus target = due ? HoldStatus.EXPIRED : wanted;
        Levels levels = products.get(hold.sku());
        int restored = 0;
        if (target != HoldStatus.COMMITTED) {
            levels.stock.merge(hold.location(), hold.quantity(), Integer::sum);
            restored = hold.quantity();
        }
        levels.reserved -= hold.quantity();
        count(hold, -1);
        holds.put(holdId, hold.withStatus(target));
        expiries.remove(new Due(hold.expiresAt(), holdId));
        forgettings.add(new Due(now.plus(retention), holdId));
        return Optional.of(new Transition(holdId, target, restored));
    }

    /** The quota the request would pass in the scope, or null; a scope the request does not name has none. */
    private QuotaExceeded quotaExceeded(HoldLimits.Scope scope, String id, int quantity) {
        if (id == null) {
            return null;
        }
        Usage used = usage.getOrDefault(usageKey(scope, id), new Usage());
        if (used.units + quantity > limits.units(scope) || used.holds + 1 > limits.holds(scope)) {
            return new QuotaExceeded(scope, used.units, used.holds, limits.units(scope), limits.holds(scope));
        }
        return null;
    }

    /** Adds (sign 1) or takes away (sign -1) a held hold from its owner's counts; an owner at zero is forgotten. */
    private void count(Hold hold, int sign) {
        count(usageKey(HoldLimits.Scope.SESSION, hold.owner().sessionId()), hold.quantity(), sign);
        count(usageKey(HoldLimits.Scope.CUSTOMER, hold.owner().customerId()), hold.quantity(), sign);
    }

    private void count(String key, int quantity, int sign) {
        if (key == null) {
            return;
        }
        Usage used = usage.computeIfAbsent(key, k -> new Usage());
        used.units += sign * quantity;
        used.holds += sign;
        if (used.holds <= 0) {
            usage.remove(key);
        }
    }

    private static String usageKey(HoldLimits.Scope scope, String id) {
        return id == null ? null : scope.wireName() + ":" + id;
    }

    private void forgetFinished(Instant now) {
        while (!forgettings.isEmpty()
                && (!forgettings.first().at().isAfter(now) || forgettings.size() > MAX_FINISHED_HOLDS)) {
            Hold forgotten = holds.remove(forgettings.pollFirst().holdId());
            if (forgotten != null && forgotten.idempotencyKey() != null) {
                holdsByKey.remove(forgotten.idempotencyKey(), forgotten.id());
            }
        }
    }

    // millisecond precision, as in the Redis store, so both report the same instants
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private record Due(Instant at, String holdId) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : holdId.compareTo(other.holdId);
        }
    }

    private static final class Usage {
        private int units;
        private int holds;
    }

    private static final class Levels {
        private final String name;
        private final BigDecimal price;
        private final Map<String, Integer> stock;
        private int reserved;

        Levels(Product product) {
            this.name = product.name();
            this.price = product.price();
            this.stock = new HashMap<>(product.stock());
        }

        StockLevels snapshot(String sku) {
            return new StockLevels(sku, name, price, stock, reserved);
        }
    }
}
