package com.autoretail.sales.conversation;

import com.autoretail.sales.session.Session;
import com.autoretail.sales.session.Session.HistoryEntry;
import com.autoretail.sales.session.Session.OpenHold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state one message works on, the graph's state: the session as it was, the classification, and what the
 * handlers change (last SKU, the question asked, the open holds, the idempotency keys used). Lives for one message
 * only; {@link #toSession} makes the session that is stored.
 */
final class Turn {

    final Session before;
    final String message;
    final Classification classification;
    String lastSku;
    Integer lastQuantity;
    String pending;
    final List<OpenHold> holds;
    private final Map<String, Integer> holdKeys;

    Turn(Session before, String message, Classification classification) {
        this.before = before;
        this.message = message;
        this.classification = classification;
        this.lastSku = before.lastSku();
        this.lastQuantity = before.lastQuantity();
        this.holds = new ArrayList<>(before.holds());
        this.holdKeys = new HashMap<>(before.holdKeys());
        if (classification.sku() != null) {
            this.lastSku = classification.sku();
        }
    }

    /** What a handler answers. */
    record Outcome(String text, Map<String, Object> data, String holdId) {

        static Outcome of(String text) {
            return new Outcome(text, Map.of(), null);
        }
    }

    String sessionId() {
        return before.id();
    }

    /** The SKU the message is about: the one it names, else the conversation's last (a follow-up). */
    String sku() {
        return lastSku;
    }

    Optional<OpenHold> holdFor(String sku) {
        return holds.stream().filter(h -> h.sku().equals(sku)).findFirst();
    }

    /** The idempotency key used last for a SKU in this session, null when none was. */
    String currentHoldKey(String sku) {
        Integer n = holdKeys.get(sku);
        return n == null ? null : holdKey(sku, n);
    }

    /**
     * A key not used before in this session for the SKU: first the contract's {@code session-{id}-{sku}}, then
     * {@code session-{id}-{sku}-{n}}. A new key is needed because the inventory answers a used key with its first
     * hold, even released or expired, and refuses it for another quantity.
     */
    String newHoldKey(String sku) {
        Integer last = holdKeys.get(sku);
        int n = last == null ? 0 : last + 1;
        holdKeys.put(sku, n);
        return holdKey(sku, n);
    }

    private String holdKey(String sku, int n) {
        String key = "session-" + before.id() + "-" + sku;
        return n == 0 ? key : key + "-" + n;
    }

    Session toSession(CustomerIntent intent, String reply, int maxHistory, Instant now) {
        List<HistoryEntry> history = new ArrayList<>(before.history());
        history.add(new HistoryEntry(HistoryEntry.CUSTOMER, message, now));
        history.add(new HistoryEntry(HistoryEntry.AGENT, reply, now));
        List<HistoryEntry> kept = history.subList(Math.max(0, history.size() - maxHistory), history.size());
        return new Session(before.id(), kept, intent.wireName(), lastSku, lastQuantity, pending, holds, holdKeys,
                before.createdAt(), now);
    }
}
