package com.autoretail.sales.conversation;

import com.autoretail.sales.conversation.Turn.Outcome;
import com.autoretail.sales.inventory.HoldView;
import com.autoretail.sales.inventory.InventoryClient;
import com.autoretail.sales.inventory.InventoryRefusedException;
import com.autoretail.sales.inventory.InventoryUnavailableException;
import com.autoretail.sales.inventory.StockView;
import com.autoretail.sales.session.Session;
import com.autoretail.sales.session.Session.OpenHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code order} intent: checks the stock, then holds the quantity for {@code sales.inventory.hold-ttl}. One
 * hold per SKU and session: ordering a SKU again with another quantity ("make it 3") makes a new hold and only
 * then releases the old one, so a change that fails (short stock, the inventory away) leaves the customer the hold
 * they had, and says so; with the same quantity it answers the same hold.
 *
 * <p>Idempotency keys: the first hold of a SKU in a session uses {@code session-{session_id}-{sku}}. The inventory
 * answers a key it has seen with the hold it made then, in its status now, and refuses it for another quantity;
 * so whenever the answer is not a {@code held} hold (it was released, committed or expired) or the key is refused,
 * the hold is asked once more under a new key, {@code session-{session_id}-{sku}-{n}}. A key is reused first
 * because a hold whose answer was lost (a timeout) is then found again instead of being made twice.
 */
class OrderHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderHandler.class);

    private final InventoryClient inventory;
    private final Duration holdTtl;
    private final String location;
    private final int maxQuantity;

    OrderHandler(InventoryClient inventory, Duration holdTtl, String location, int maxQuantity) {
        this.inventory = inventory;
        this.holdTtl = holdTtl;
        this.location = location;
        this.maxQuantity = maxQuantity;
    }

    private record Placed(HoldView hold, String key) {
    }

    Outcome handle(Turn turn) {
        String sku = turn.sku();
        if (sku == null) {
            return Outcome.of(Replies.ASK_SKU_FOR_ORDER);
        }
        Optional<OpenHold> existing = turn.holdFor(sku);
        // no quantity named: the current hold's stays, else one unit
        int quantity = turn.classification.quantity() != null ? turn.classification.quantity()
                : existing.map(OpenHold::quantity).orElse(1);
        if (quantity < 1 || quantity > maxQuantity) {
            return Outcome.of(Replies.quantityOutOfRange(maxQuantity));
        }
        // a change of quantity: the hold it replaces, released only once the new one is made
        Optional<OpenHold> replaced = existing.filter(hold -> hold.quantity() != quantity);
        try {
            StockView stock = inventory.getInventory(sku);
            // the same quantity again answers the same hold; a change needs its whole quantity free beside the old
            int available = atLocation(stock) + (replaced.isPresent() ? 0 : existing.map(OpenHold::quantity).orElse(0));
            if (available < quantity) {
                return shortStock(turn, sku, quantity, available, replaced);
            }
            String key;
            if (replaced.isPresent()) {
                key = turn.newHoldKey(sku);
            } else {
                String current = existing.map(OpenHold::idempotencyKey).orElseGet(() -> turn.currentHoldKey(sku));
                key = current != null ? current : turn.newHoldKey(sku);
            }
            Placed placed = place(turn, sku, quantity, key);
            if (!placed.hold().held()) {
                log.error("A new idempotency key {} answered a {} hold", placed.key(), placed.hold().status());
                return failed(sku, "hold_not_held", replaced);
            }
            replaced.ifPresent(this::releaseReplaced);
            return reserved(turn, sku, quantity, placed);
        } catch (InventoryRefusedException e) {
            if (e.notFound()) {
                return new Outcome(Replies.unknownSku(sku), Map.of("sku", sku, "error", "unknown_sku"), null);
            }
            if (e.conflict() && e.details().get("current_stock") instanceof Number current) {
                return shortStock(turn, sku, quantity, current.intValue(), replaced);
            }
            if (e.quotaExceeded()) {
                return quotaReached(turn, sku, quantity, e.details(), replaced);
            }
            log.error("Inventory refused an order of {} x {}: {} {}", quantity, sku, e.status(), e.getMessage());
            return failed(sku, "order_refused", replaced);
        } catch (InventoryUnavailableException e) {
            log.error("Order processing failed for {}: {}", sku, e.getMessage());
            return failed(sku, null, replaced);
        }
    }

    /**
     * Releases the hold a change replaced, the new one being made. Should that fail, the old hold gives its stock
     * back by itself when it expires; the customer has the new one either way.
     */
    private void releaseReplaced(OpenHold old) {
        try {
            inventory.releaseHold(old.holdId(), old.sku());
        } catch (InventoryRefusedException | InventoryUnavailableException e) {
            log.warn("Could not release hold {} replaced by a change of quantity; it expires at {}: {}",
                    old.holdId(), old.expiresAt(), e.getMessage());
        }
    }

    private Placed place(Turn turn, String sku, int quantity, String key) {
        try {
            HoldView hold = inventory.createHold(sku, quantity, location, holdTtl, key, turn.sessionId());
            if (hold.held()) {
                return new Placed(hold, key);
            }
            log.info("Key {} answered its earlier hold {}, now {}: holding under a new key", key, hold.holdId(),
                    hold.status());
        } catch (InventoryRefusedException e) {
            if (!keyInUse(e)) {
                throw e;
            }
            log.info("Key {} belongs to another quantity: holding under a new key", key);
        }
        String fresh = turn.newHoldKey(sku);
        return new Placed(inventory.createHold(sku, quantity, location, holdTtl, fresh, turn.sessionId()),
                fresh);
    }

    /** The inventory's 409 for a key that made a different hold names that hold, a short-stock 409 the stock. */
    private static boolean keyInUse(InventoryRefusedException e) {
        return e.conflict() && e.details().containsKey("hold_id") && !e.details().containsKey("current_stock");
    }

    private Outcome reserved(Turn turn, String sku, int quantity, Placed placed) {
        HoldView hold = placed.hold();
        turn.holds.removeIf(h -> h.sku().equals(sku));
        turn.holds.add(new OpenHold(hold.holdId(), sku, quantity, hold.location(), hold.expiresAt(), placed.key()));
        turn.lastQuantity = quantity;
        turn.pending = Session.PENDING_CHECKOUT;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hold_id", hold.holdId());
        data.put("sku", sku);
        data.put("quantity", quantity);
        data.put("location", hold.location());
        data.put("remaining_stock", hold.remainingStock());
        data.put("expires_at", hold.expiresAt() == null ? null : hold.expiresAt().toString());
        data.put("status", hold.status());
        return new Outcome(Replies.reserved(quantity, sku, holdTtl, hold.remainingStock()), data, hold.holdId());
    }

    private static Outcome shortStock(Turn turn, String sku, int quantity, int available,
                                      Optional<OpenHold> replaced) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sku", sku);
        data.put("requested_quantity", quantity);
        data.put("online_stock", available);
        if (replaced.isPresent()) {
            turn.pending = Session.PENDING_CHECKOUT;
            data.put("change_refused", true);
            data.put("kept_hold_id", replaced.get().holdId());
            data.put("kept_quantity", replaced.get().quantity());
            return new Outcome(Replies.changeRefused(quantity, available, replaced.get()), data, null);
        }
        turn.pending = Session.PENDING_STORE_AVAILABILITY;
        data.put("store_offer", true);
        return new Outcome(Replies.shortOnline(sku, available), data, null);
    }

    /** The session (or customer) holds as much as it may: what it holds stays, and the customer is told how to go on. */
    private static Outcome quotaReached(Turn turn, String sku, int quantity, Map<String, Object> details,
                                        Optional<OpenHold> replaced) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sku", sku);
        data.put("requested_quantity", quantity);
        data.put("error", "quota_exceeded");
        data.put("max_units", details.get("max_units"));
        data.put("max_holds", details.get("max_holds"));
        replaced.ifPresent(old -> {
            data.put("kept_hold_id", old.holdId());
            data.put("kept_quantity", old.quantity());
        });
        if (!turn.holds.isEmpty()) {
            turn.pending = Session.PENDING_CHECKOUT;
        }
        return new Outcome(Replies.quotaReached(details.get("max_units"), details.get("max_holds"), replaced),
                data, null);
    }

    /** The order could not be made: the apology, and the hold a change would have replaced, which still stands. */
    private static Outcome failed(String sku, String error, Optional<OpenHold> replaced) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sku", sku);
        if (error == null) {
            data.put("inventory_service", "unavailable");
        } else {
            data.put("error", error);
        }
        replaced.ifPresent(old -> {
            data.put("kept_hold_id", old.holdId());
            data.put("kept_quantity", old.quantity());
        });
        String text = replaced.map(old -> Replies.ORDER_TROUBLE + "\n" + Replies.stillReserved(old))
                .orElse(Replies.ORDER_TROUBLE);
        return new Outcome(text, data, null);
    }

    private int atLocation(StockView stock) {
        return "online".equals(location) ? stock.onlineStock() : stock.storeStock().getOrDefault(location, 0);
    }
}
