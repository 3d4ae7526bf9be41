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
import java.util.function.Consumer;

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
        Settled committed = settle(turn, List.copyOf(turn.holds), "Checkout", "committed",
                hold -> inventory.commitHold(hold.holdId(), hold.sku()));
        if (committed.unavailable()) {
            return new Outcome(Replies.CHECKOUT_TROUBLE, committed.data(), null);
        }
        return new Outcome(Replies.checkedOut(committed.done(), committed.lapsed()), committed.data(),
                last(committed.done()));
    }

    Outcome cancel(Turn turn) {
        turn.pending = null;
        String sku = turn.classification.sku();
        List<OpenHold> targets = turn.holds.stream().filter(h -> sku == null || h.sku().equals(sku)).toList();
        if (targets.isEmpty()) {
            return Outcome.of(Replies.NOTHING_TO_CANCEL);
        }
        Settled released = settle(turn, targets, "Cancel", "released",
                hold -> inventory.releaseHold(hold.holdId(), hold.sku()));
        if (released.unavailable()) {
            return new Outcome(Replies.CANCEL_TROUBLE, released.data(), null);
        }
        String text = released.done().isEmpty() ? Replies.NOTHING_TO_CANCEL : Replies.cancelled(released.done());
        return new Outcome(text, released.data(), last(released.done()));
    }

    /**
     * The holds a checkout or a cancel went through: those done, those the inventory refused (no longer
     * {@code held}: expired, released, committed meanwhile or unknown, so nothing is left to do), and whether it
     * stopped because the inventory was unavailable.
     */
    private record Settled(List<OpenHold> done, List<OpenHold> lapsed, String doneName, boolean unavailable) {

        Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(doneName, done.stream().map(Replies::holdData).toList());
            data.put("lapsed", lapsed.stream().map(Replies::holdData).toList());
            if (unavailable) {
                data.put("inventory_service", "unavailable");
            }
            return data;
        }
    }

    /**
     * Commits or releases the holds one by one, until the inventory is unavailable; the holds done or lapsed leave
     * the session, the others stay in it to be tried again.
     */
    private Settled settle(Turn turn, List<OpenHold> holds, String step, String doneName, Consumer<OpenHold> action) {
        List<OpenHold> done = new ArrayList<>();
        List<OpenHold> lapsed = new ArrayList<>();
        boolean unavailable = false;
        for (OpenHold hold : holds) {
            try {
                action.accept(hold);
                done.add(hold);
            } catch (InventoryRefusedException e) {
                log.info("Hold {} could not be {}: {} {}", hold.holdId(), doneName, e.status(), e.getMessage());
                lapsed.add(hold);
            } catch (InventoryUnavailableException e) {
                log.error("{} failed at hold {}: {}", step, hold.holdId(), e.getMessage());
                unavailable = true;
                break;
            }
        }
        turn.holds.removeAll(done);
        turn.holds.removeAll(lapsed);
        return new Settled(done, lapsed, doneName, unavailable);
    }

    private static String last(List<OpenHold> holds) {
        return holds.isEmpty() ? null : holds.getLast().holdId();
    }
}
