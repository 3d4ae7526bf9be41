package com.autoretail.inventory.store;

import com.autoretail.common.wire.AgentHealth;
import com.autoretail.inventory.store.HoldOutcome.Created;
import com.autoretail.inventory.store.HoldOutcome.KeyInUse;
import com.autoretail.inventory.store.HoldOutcome.QuotaExceeded;
import com.autoretail.inventory.store.HoldOutcome.Replayed;
import com.autoretail.inventory.store.HoldOutcome.ShortStock;
import com.autoretail.inventory.store.HoldOutcome.UnknownSku;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stock and holds in Redis, shared by every instance of the agent and kept across restarts. Every
 * check-and-change is one Lua script ({@code src/main/resources/inventory/redis}); expiries live in a sorted set
 * scored by expiry time, so any instance's reaper finds them, and the status guard inside the script lets only
 * one of several racing reapers give a hold's stock back. Every time a hold records or is judged by is Redis's own
 * ({@code TIME} inside the scripts): instances whose clocks disagree still agree on when a hold expires.
 *
 * <p>Keys, under the prefix: {@code product:<sku>} (hash: name, price, reserved, stock:&lt;location&gt;),
 * {@code hold:<id>} (hash), {@code expiries} (sorted set of held hold ids), {@code idempotency:<key>} (hold id),
 * {@code quota:session:<id>} and {@code quota:customer:<id>} (hash: units, holds; deleted when nothing is held).
 *
 * <p>Finishing a hold (release, commit, expiry) names the hold's product and usage keys to its script, so it needs
 * the hold's SKU and owner, which never change once the hold exists. The instance that placed a hold remembers them
 * until the hold finishes (at most {@value #PLACED_REMEMBERED} holds, the oldest forgotten first), so that its
 * release is one round trip to Redis; a hold placed elsewhere, or forgotten, is read first.
 */
@SuppressWarnings("rawtypes")
public final class RedisInventoryStore implements InventoryStore {

    private static final RedisScript<Long> SEED_PRODUCT = script("seed_product", Long.class);
    private static final RedisScript<List> CREATE_HOLD = script("create_hold", List.class);
    private static final RedisScript<List> FINISH_HOLD = script("finish_hold", List.class);
    private static final RedisScript<List> DUE_HOLDS = script("due_holds", List.class);
    private static final String STOCK_FIELD = "stock:";
    static final int PLACED_REMEMBERED = 4096;

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;
    private final HoldLimits limits;
    private final String endpoint;
    /** The SKU and owner of the holds this instance placed and has not seen finish, oldest first. */
    private final Map<String, Placed> placed = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Placed> eldest) {
            return size() > PLACED_REMEMBERED;
        }
    });

    /** What finishing a hold needs besides its id. */
    private record Placed(String sku, HoldOwner owner) {
    }

    /**
     * @param retention how long a finished hold, and an idempotency key, is kept
     * @param limits    what a session and a customer may hold at once
     * @param endpoint  where the Redis is, without credentials, for {@code /health}
     */
    public RedisInventoryStore(StringRedisTemplate redis, String prefix, Duration retention, HoldLimits limits,
                               String endpoint) {
        this.redis = redis;
        this.prefix = prefix;
        this.retention = retention;
        this.limits = limits;
        this.endpoint = endpoint;
    }

    @Override
    public int seed(List<Product> products) {
        int added = 0;
        for (Product product : products) {
            List<String> args = new ArrayList<>(List.of(product.name(), product.price().toPlainString()));
            product.stock().forEach((location, stock) -> {
                args.add(location);
                args.add(Integer.toString(stock));
            });
            Long result = redis.execute(SEED_PRODUCT, List.of(productKey(product.sku())), args.toArray());
            added += result == null ? 0 : result.intValue();
        }
        return added;
    }

    @Override
    public Optional<StockLevels> stock(String sku) {
        Map<String, String> hash = redis.<String, String>opsForHash().entries(productKey(sku));
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> stock = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith(STOCK_FIELD)) {
                stock.put(field.substring(STOCK_FIELD.length()), Integer.parseInt(value));
            }
        });
        return Optional.of(new StockLevels(sku, hash.get("name"), new BigDecimal(hash.get("price")), stock,
                Integer.parseInt(hash.getOrDefault("reserved", "0"))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public HoldOutcome hold(NewHold request) {
        String holdId = "hold-" + UUID.randomUUID();
        String key = request.idempotencyKey() == null ? "" : request.idempotencyKey();
        String session = orEmpty(request.owner().sessionId());
        String customer = orEmpty(request.owner().customerId());
        List<String> reply = redis.execute(CREATE_HOLD,
                List.of(productKey(request.sku()), holdKey(holdId), expiriesKey(), prefix + "idempotency:" + key,
                        usageKey(HoldLimits.Scope.SESSION, session), usageKey(HoldLimits.Scope.CUSTOMER, customer)),
                holdId, request.sku(), request.location(), Integer.toString(request.quantity()),
                Long.toString(request.ttl().toMillis()), key, Long.toString(retention.toMillis()), session, customer,
                Integer.toString(limits.sessionUnits()), Integer.toString(limits.sessionHolds()),
                Integer.toString(limits.customerUnits()), Integer.toString(limits.customerHolds()));
        return switch (reply.get(0)) {
            case "created" -> {
                placed.put(holdId, new Placed(request.sku(), request.owner()));
                yield new Created(new Hold(holdId, request.sku(), request.location(), request.quantity(),
                        HoldStatus.HELD, instant(reply.get(3)), instant(reply.get(4)),
                        Integer.parseInt(reply.get(2)), request.idempotencyKey(), request.owner()));
            }
            case "replayed" -> {
                Hold existing = find(reply.get(1)).orElseThrow(() -> new IllegalStateException(
                        "Idempotency key " + key + " names hold " + reply.get(1) + ", which is gone"));
                yield existing.madeBy(request) ? new Replayed(existing) : new KeyInUse(existing);
            }
            case "unknown_sku" -> new UnknownSku();
            case "short" -> new ShortStock(Integer.parseInt(reply.get(1)));
            case "quota" -> {
                HoldLimits.Scope scope = HoldLimits.Scope.valueOf(reply.get(1).toUpperCase(java.util.Locale.ROOT));
                yield new QuotaExceeded(scope, Integer.parseInt(reply.get(2)), Integer.parseInt(reply.get(3)),
                        limits.units(scope), limits.holds(scope));
            }
            default -> throw new IllegalStateException("Unexpected reply of create_hold: " + reply);
        };
    }

    @Override
    public Optional<Hold> find(String holdId) {
        Optional<Hold> hold = read(holdId);
        // only Redis knows whether it is due: asking to expire it changes nothing when it is not
        if (hold.isPresent() && hold.get().status() == HoldStatus.HELD
                && finish(holdId, hold.get().sku(), hold.get().owner(), HoldStatus.EXPIRED)
                        .filter(transition -> transition.status() != HoldStatus.HELD).isPresent()) {
            hold = read(holdId);
        }
        return hold;
    }

    @Override
    public Optional<Transition> release(String holdId) {
        return finish(holdId, HoldStatus.RELEASED);
    }

    @Override
    public Optional<Transition> commit(String holdId) {
        return finish(holdId, HoldStatus.COMMITTED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int expireDue(int limit) {
        List<String> due = redis.execute(DUE_HOLDS, List.of(expiriesKey()), Integer.toString(limit));
        if (due == null) {
            return 0;
        }
        due.forEach(holdId -> finish(holdId, HoldStatus.EXPIRED));
        return due.size();
    }

    @Override
    public AgentHealth.Dependency health() {
        try {
            String pong = redis.execute((RedisCallback<String>) RedisConnection::ping);
            return "PONG".equalsIgnoreCase(pong) ? AgentHealth.Dependency.up(endpoint)
                    : AgentHealth.Dependency.down(endpoint, "unexpected answer to PING: " + pong);
        } catch (RuntimeException e) {
            return AgentHealth.Dependency.down(endpoint, NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    private Optional<Transition> finish(String holdId, HoldStatus wanted) {
        Placed known = placed.get(holdId);
        if (known != null) {
            return finish(holdId, known.sku(), known.owner(), wanted);
        }
        // the SKU and owner never change once a hold exists, so reading them first leaves the script every key it
        // touches
        List<String> fields = redis.<String, String>opsForHash().multiGet(holdKey(holdId),
                List.of("sku", "session_id", "customer_id"));
        if (fields.get(0) == null) {
            redis.opsForZSet().remove(expiriesKey(), holdId);
            return Optional.empty();
        }
        return finish(holdId, fields.get(0), owner(fields.get(1), fields.get(2)), wanted);
    }

    @SuppressWarnings("unchecked")
    private Optional<Transition> finish(String holdId, String sku, HoldOwner owner, HoldStatus wanted) {
        List<String> reply = redis.execute(FINISH_HOLD, List.of(holdKey(holdId), productKey(sku), expiriesKey(),
                        usageKey(HoldLimits.Scope.SESSION, orEmpty(owner.sessionId())),
                        usageKey(HoldLimits.Scope.CUSTOMER, orEmpty(owner.customerId()))),
                holdId, wanted.wireName(), Long.toString(retention.toMillis()));
        if ("unknown".equals(reply.get(0))) {
            placed.remove(holdId);
            return Optional.empty();
        }
        HoldStatus status = HoldStatus.fromWire(reply.get(0));
        if (status != HoldStatus.HELD) {
            placed.remove(holdId);
        }
        return Optional.of(new Transition(holdId, status, Integer.parseInt(reply.get(1))));
    }

    private Optional<Hold> read(String holdId) {
        Map<String, String> hash = redis.<String, String>opsForHash().entries(holdKey(holdId));
        if (hash.isEmpty() || !hash.containsKey("status")) {
            return Optional.empty();
        }
        String key = hash.get("idempotency_key");
        return Optional.of(new Hold(holdId, hash.get("sku"), hash.get("location"),
                Integer.parseInt(hash.get("quantity")), HoldStatus.fromWire(hash.get("status")),
                instant(hash.get("created_at")), instant(hash.get("expires_at")),
                Integer.parseInt(hash.get("remaining_stock")), key == null || key.isEmpty() ? null : key,
                owner(hash.get("session_id"), hash.get("customer_id"))));
    }

    private static HoldOwner owner(String sessionId, String customerId) {
        return new HoldOwner(sessionId == null || sessionId.isEmpty() ? null : sessionId,
                customerId == null || customerId.isEmpty() ? null : customerId);
    }

    private static String orEmpty(String id) {
        return id == null ? "" : id;
    }

    private String usageKey(HoldLimits.Scope scope, String id) {
        return prefix + "quota:" + scope.wireName() + ":" + id;
    }

    private String productKey(String sku) {
        return prefix + "product:" + sku;
    }

    private String holdKey(String holdId) {
        return prefix + "hold:" + holdId;
    }

    private String expiriesKey() {
        return prefix + "expiries";
    }

    /** A time the scripts wrote: Redis's clock, in ms since the epoch. */
    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    /** The script's text read once: a resource-backed script re-reads its file (inside the jar) on every run. */
    private static <T> RedisScript<T> script(String name, Class<T> resultType) {
        try {
            String text = new ClassPathResource("inventory/redis/" + name + ".lua")
                    .getContentAsString(StandardCharsets.UTF_8);
            return RedisScript.of(text, resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing Lua script " + name, e);
        }
    }
}
