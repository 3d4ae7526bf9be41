package com.autoretail.sales.conversation;

import com.autoretail.sales.conversation.Turn.Outcome;
import com.autoretail.sales.inventory.InventoryClient;
import com.autoretail.sales.inventory.InventoryRefusedException;
import com.autoretail.sales.inventory.InventoryUnavailableException;
import com.autoretail.sales.session.Session.OpenHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code checkout} intent commits the session's holds (the sale is final); {@code cancel} releases them (the
 * stock goes back), only the named SKU's when the message names one. A hold the inventory no longer has as
 * {@code held} (expired, released) leaves the session and is reported. When the inventory is unavailable the
 * holds not yet done stay in the session, so that the customer can simply say it again.
 */
class CheckoutHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckoutHandler.class);

    private final InventoryClient inventory;

    CheckoutHandler(InventoryClient inventory) {
        this.inventory = inventory;
    }

    Outcome checkout(Turn turn) {
        turn.pending = null;
        if (turn.holds.isEmpty()) {
            return Outcome.of(Replies.NOTHING_TO_CHECK_OUT);
        }
        List<OpenHold> committed = new ArrayList<>();
        List<OpenHold> lapsed = new ArrayList<>();
        for (OpenHold hold : List.copyOf(turn.holds)) {
            try {
                inventory.commitHold(hold.holdId(), hold.sku());
                committed.add(hold);
            } catch (InventoryRefusedException e) {
                log.info("Hold {} could not be committed: {} {}", hold.holdId(), e.status(), e.getMessage());
                lapsed.add(hold);
            } catch (InventoryUnavailableException e) {
                log.error("Checkout failed at hold {}: {}", hold.holdId(), e.getMessage());
                turn.holds.removeAll(committed);
                turn.holds.removeAll(lapsed);
                return new Outcome(Replies.CHECKOUT_TROUBLE, done(committed, lapsed, "committed", true), null);
            }
        }
        turn.holds.removeAll(committed);
        turn.holds.removeAll(lapsed);
        return new Outcome(Replies.checkedOut(committed, lapsed), done(committed, lapsed, "committed", false),
                last(committed));
    }

    Outcome cancel(Turn turn) {
        turn.pending = null;
        String sku = turn.classification.sku();
        List<OpenHold> targets = turn.holds.stream().filter(h -> sku == null || h.sku().equals(sku)).toList();
        if (targets.isEmpty()) {
            return Outcome.of(Replies.NOTHING_TO_CANCEL);
        }
        List<OpenHold> released = new ArrayList<>();
        List<OpenHold> gone = new ArrayList<>();
        for (OpenHold hold : targets) {
            try {
                inventory.releaseHold(hold.holdId(), hold.sku());
                released.add(hold);
            } catch (InventoryRefusedException e) {
                // committed meanwhile, or unknown to the inventory: nothing is left to release
                log.info("Hold {} could not be released: {} {}", hold.holdId(), e.status(), e.getMessage());
                gone.add(hold);
            } catch (InventoryUnavailableException e) {
                log.error("Cancel failed at hold {}: {}", hold.holdId(), e.getMessage());
                turn.holds.removeAll(released);
                turn.holds.removeAll(gone);
                return new Outcome(Replies.CANCEL_TROUBLE, done(released, gone, "released", true), null);
            }
        }
        turn.holds.removeAll(released);
        turn.holds.removeAll(gone);
        String text = released.isEmpty() ? Replies.NOTHING_TO_CANCEL : Replies.cancelled(released);
        return new Outcome(text, done(released, gone, "released", false), last(released));
    }

    private static Map<String, Object> done(List<OpenHold> done, List<OpenHold> lapsed, String doneName,
                                            boolean unavailable) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(doneName, done.stream().map(Replies::holdData).toList());
        data.put("lapsed", lapsed.stream().map(Replies::holdData).toList());
        if (unavailable) {
            data.put("inventory_service", "unavailable");
        }
        return data;
    }

    private static String last(List<OpenHold> holds) {
        return holds.isEmpty() ? null : holds.getLast().holdId();
    }
}
