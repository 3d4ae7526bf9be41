package com.autoretail.inventory;

import com.autoretail.common.security.Caller;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.inventory.store.Hold;
import com.autoretail.inventory.store.HoldLimits;
import com.autoretail.inventory.store.HoldOutcome;
import com.autoretail.inventory.store.HoldOwner;
import com.autoretail.inventory.store.HoldStatus;
import com.autoretail.inventory.store.InventoryStore;
import com.autoretail.inventory.store.NewHold;
import com.autoretail.inventory.store.SeedCatalog;
import com.autoretail.inventory.store.StockLevels;
import com.autoretail.inventory.store.Transition;
import com.autoretail.inventory.wire.AvailabilityView;
import com.autoretail.inventory.wire.CommitView;
import com.autoretail.inventory.wire.HoldRequest;
import com.autoretail.inventory.wire.HoldView;
import com.autoretail.inventory.wire.InventoryView;
import com.autoretail.inventory.wire.ReleaseView;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The inventory's operations, shared by the REST API and the agent's {@code /execute}: validates, calls the
 * store and answers refusals as {@link AgentException}s with the contract's codes ({@code VALIDATION_ERROR},
 * {@code NOT_FOUND}, {@code CONFLICT}), and an unreachable store as {@code UPSTREAM_UNAVAILABLE}.
 */
public class InventoryService {

    private final InventoryStore store;
    private final List<String> locations;
    private final int maxQuantity;
    private final Duration defaultTtl;
    private final Duration maxTtl;

    InventoryService(InventoryStore store, List<String> locations, int maxQuantity, Duration defaultTtl,
                     Duration maxTtl) {
        this.store = store;
        this.locations = List.copyOf(locations);
        this.maxQuantity = maxQuantity;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
    }

    /** A hold and whether this request made it ({@code false}: its idempotency key made it before). */
    public record Placed(HoldView hold, boolean created) {
    }

    public InventoryView inventory(String sku) {
        RequestChecks checks = checks();
        String checkedSku = checks.identifier("sku", sku);
        checks.throwIfInvalid();
        StockLevels levels = levels(checkedSku);
        Map<String, Integer> stores = new TreeMap<>(levels.stock());
        int online = stores.getOrDefault(SeedCatalog.ONLINE, 0);
        stores.remove(SeedCatalog.ONLINE);
        int total = online + stores.values().stream().mapToInt(Integer::intValue).sum();
        return new InventoryView(levels.sku(), levels.name(), levels.price(), online, stores, total,
                levels.reserved());
    }

    /** @param quantity a number or its text; 1 when absent */
    public AvailabilityView availability(String sku, Object quantity, String location) {
        RequestChecks checks = checks();
        String checkedSku = checks.identifier("sku", sku);
        int checkedQuantity = checks.quantity(quantity, 1);
        String checkedLocation = checks.location(location);
        checks.throwIfInvalid();
        int current = levels(checkedSku).at(checkedLocation);
        return new AvailabilityView(checkedSku, current >= checkedQuantity, current, checkedQuantity,
                checkedLocation);
    }

    /**
     * Places a hold for the session and customer the request names. A request that names no session counts against
     * its caller's own: the credential's name, unless the caller is a fleet service (or the open local default),
     * which holds on behalf of the sessions it names.
     *
     * @param keyField how the caller names the idempotency key ({@code X-Idempotency-Key}, idempotency_key)
     */
    public Placed hold(HoldRequest request, String idempotencyKey, String keyField, Caller caller) {
        RequestChecks checks = checks();
        String sku = checks.identifier("sku", request.sku());
        int quantity = checks.quantity(request.quantity(), null);
        String location = checks.location(request.location());
        Duration ttl = checks.ttl(request.ttl());
        String key = checks.optionalText(keyField, idempotencyKey);
        String session = checks.optionalText("session_id", request.sessionId());
        String customer = checks.optionalText("customer_id", request.customerId());
        checks.throwIfInvalid();
        HoldOwner owner = new HoldOwner(session != null ? session : callerSession(caller), customer);
        HoldOutcome outcome = stored(() -> store.hold(new NewHold(sku, location, quantity, ttl, key, owner)));
        return switch (outcome) {
            case HoldOutcome.Created created -> new Placed(view(created.hold()), true);
            case HoldOutcome.Replayed replayed -> new Placed(view(replayed.hold()), false);
            case HoldOutcome.UnknownSku unknown -> throw unknownSku(sku);
            case HoldOutcome.ShortStock shortStock -> throw new AgentException(ErrorCode.CONFLICT,
                    "Not enough stock of " + sku + " at " + location + ": " + shortStock.available()
                            + " available, " + quantity + " requested",
                    Map.of("sku", sku, "location", location, "current_stock", shortStock.available(),
                            "requested_quantity", quantity));
            case HoldOutcome.QuotaExceeded exceeded -> throw quotaExceeded(exceeded, quantity);
            case HoldOutcome.KeyInUse(Hold other) -> throw new AgentException(ErrorCode.CONFLICT,
                    "Idempotency key " + key + " already made hold " + other.id() + " (" + other.quantity() + " of "
                            + other.sku() + " at " + other.location() + "); use a new key for another hold",
                    Map.of("hold_id", other.id()));
        };
    }

    private static String callerSession(Caller caller) {
        boolean holdsForOthers = caller == null || caller.equals(Caller.OPEN) || caller.has(Caller.SERVICE);
        return holdsForOthers ? null : "caller:" + caller.name();
    }

    private static AgentException quotaExceeded(HoldOutcome.QuotaExceeded exceeded, int quantity) {
        String scope = exceeded.scope().wireName();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", scope);
        details.put("held_units", exceeded.heldUnits());
        details.put("open_holds", exceeded.openHolds());
        details.put("max_units", exceeded.maxUnits());
        details.put("max_holds", exceeded.maxHolds());
        details.put("requested_quantity", quantity);
        return new AgentException(ErrorCode.QUOTA_EXCEEDED, "Hold quota of the " + scope + " exceeded: it holds "
                + exceeded.heldUnits() + " units in " + exceeded.openHolds() + " open holds, at most "
                + exceeded.maxUnits() + " units in " + exceeded.maxHolds() + " holds; " + quantity
                + " more requested. Release or commit a hold first", details);
    }

    public HoldView findHold(String holdId) {
        String id = checkedHoldId(holdId);
        return stored(() -> store.find(id)).map(InventoryService::view).orElseThrow(() -> unknownHold(id));
    }

    /** Gives the stock back once; a second release answers the same status with nothing restored. */
    public ReleaseView release(String holdId) {
        String id = checkedHoldId(holdId);
        Transition transition = stored(() -> store.release(id)).orElseThrow(() -> unknownHold(id));
        if (transition.status() == HoldStatus.COMMITTED) {
            throw refused(id, transition.status(), "is committed: the sale is final and its stock stays taken");
        }
        return new ReleaseView(id, transition.status(), transition.restoredStock());
    }

    /** Makes the sale final; committing a committed hold again answers the same. */
    public CommitView commit(String holdId) {
        String id = checkedHoldId(holdId);
        Transition transition = stored(() -> store.commit(id)).orElseThrow(() -> unknownHold(id));
        if (transition.status() != HoldStatus.COMMITTED) {
            throw refused(id, transition.status(),
                    "is " + transition.status().wireName() + ": its stock went back; make a new hold to sell it");
        }
        return new CommitView(id, transition.status());
    }

    public List<String> locations() {
        return locations;
    }

    public int maxQuantity() {
        return maxQuantity;
    }

    public long maxTtlSeconds() {
        return maxTtl.toSeconds();
    }

    private RequestChecks checks() {
        return new RequestChecks(locations, maxQuantity, defaultTtl, maxTtl);
    }

    private String checkedHoldId(String holdId) {
        RequestChecks checks = checks();
        String id = checks.identifier("hold_id", holdId);
        checks.throwIfInvalid();
        return id;
    }

    private StockLevels levels(String sku) {
        return stored(() -> store.stock(sku)).orElseThrow(() -> unknownSku(sku));
    }

    /**
     * A store that cannot be reached is the caller's cue to retry: {@code UPSTREAM_UNAVAILABLE} (503). A hold
     * whose answer was lost may still have been made; retrying with the same idempotency key finds it.
     */
    private static <T> T stored(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessResourceFailureException | QueryTimeoutException e) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The inventory store is unavailable; retry shortly", null, e);
        }
    }

    private static HoldView view(Hold hold) {
        return new HoldView(hold.id(), hold.sku(), hold.quantity(), hold.location(), hold.remainingStock(),
                hold.createdAt(), hold.expiresAt(), hold.status());
    }

    private static AgentException unknownSku(String sku) {
        return new AgentException(ErrorCode.NOT_FOUND, "Unknown SKU " + sku, Map.of("sku", sku));
    }

    private static AgentException unknownHold(String holdId) {
        return new AgentException(ErrorCode.NOT_FOUND, "Unknown hold " + holdId, Map.of("hold_id", holdId));
    }

    private static AgentException refused(String holdId, HoldStatus status, String why) {
        return new AgentException(ErrorCode.CONFLICT, "Hold " + holdId + " " + why,
                Map.of("hold_id", holdId, "status", status.wireName()));
    }
}
