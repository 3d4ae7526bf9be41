package com.autoretail.sales.conversation;

import com.autoretail.sales.inventory.StockView;
import com.autoretail.sales.session.Session.OpenHold;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The texts the customer reads; the integration guide's where the integration guide has one, word for word. */
final class Replies {

    static final String ASK_SKU_FOR_STOCK = "Please provide a product SKU to check inventory (e.g., SKU000001).";
    static final String ASK_SKU_FOR_ORDER = "Please specify the product SKU you'd like to order.";
    static final String ORDER_TROUBLE = "I'm having trouble processing your order right now. Please try again.";
    static final String CHECKOUT_TROUBLE = "I'm having trouble completing your checkout right now. Please try again.";
    static final String CANCEL_TROUBLE = "I'm having trouble cancelling your reservation right now. Please try again.";
    static final String NOTHING_TO_CHECK_OUT = "You have no reservations to check out. Tell me what you'd like, "
            + "e.g. \"I want 2 units of SKU000001\".";
    static final String NOTHING_TO_CANCEL = "You have no active reservations to cancel.";
    static final String GREETING = "👋 Hello! I can check stock and reserve products for you. Try \"Check stock for "
            + "SKU000001\" or \"I want 2 units of SKU000001\".";
    static final String HELP = """
            Here's what I can do:
            • Check stock: "Check stock for SKU000001"
            • Reserve: "I want 2 units of SKU000001" (or "make it 3" to change the quantity)
            • Check out: "check out" to buy what you reserved
            • Cancel: "cancel" to release your reservations""";
    static final String HELP_WITH_HOLDS = "Your reservation stays until it expires: say \"check out\" when you're "
            + "ready, or \"cancel\" to release it.";

    private Replies() {
    }

    static String stockTrouble(String sku) {
        return "I'm having trouble checking inventory for " + sku + " right now. Please try again.";
    }

    static String unknownSku(String sku) {
        return "I couldn't find a product with SKU " + sku + ". Please check the SKU and try again.";
    }

    static String stock(StockView stock, boolean perStore) {
        String text = "📦 Stock levels for " + stock.sku() + ":\n"
                + "• Online: " + stock.onlineStock() + " units\n"
                + "• Stores: " + stock.storeStock().size() + " locations\n"
                + "• Total: " + stock.totalStock() + " units available";
        if (!perStore || stock.storeStock().isEmpty()) {
            return text;
        }
        return text + "\n\nIn stores:\n" + stock.storeStock().entrySet().stream()
                .map(store -> "• " + store.getKey() + ": " + store.getValue() + " units")
                .collect(Collectors.joining("\n"));
    }

    static String shortOnline(String sku, int available) {
        return "❌ Sorry, only " + available + " units of " + sku
                + " available online. Would you like to check store availability?";
    }

    static String reserved(int quantity, String sku, Duration ttl, int remaining) {
        return "✅ Reserved " + quantity + " unit(s) of " + sku + " for you!\n"
                + "Your reservation expires in " + duration(ttl) + ".\n"
                + "Remaining stock: " + remaining + " units\n\n"
                + "Ready to proceed with checkout?";
    }

    /** A change of quantity the stock beside the current hold cannot cover: that hold stays. */
    static String changeRefused(int quantity, int available, OpenHold kept) {
        return "❌ Sorry, I couldn't change your reservation to " + quantity + " unit(s) of " + kept.sku()
                + ": only " + available + " more units are available online.\n"
                + stillReserved(kept) + "\n\n"
                + "Ready to proceed with checkout?";
    }

    static String quotaReached(Object maxUnits, Object maxHolds, Optional<OpenHold> kept) {
        String text = "⚠️ You've reached the reservation limit (at most " + maxUnits + " units in " + maxHolds
                + " reservations at a time). Say \"check out\" to buy what you reserved, or \"cancel\" to release "
                + "it, then order again.";
        return kept.map(old -> text + "\n" + stillReserved(old)).orElse(text);
    }

    static String stillReserved(OpenHold kept) {
        return "Your reservation of " + kept.quantity() + " unit(s) of " + kept.sku() + " still stands.";
    }

    static String quantityOutOfRange(int max) {
        return "Please tell me a quantity between 1 and " + max + " units.";
    }

    static String checkedOut(List<OpenHold> committed, List<OpenHold> lapsed) {
        StringBuilder text = new StringBuilder();
        if (!committed.isEmpty()) {
            text.append("🎉 Your order is confirmed:\n").append(lines(committed)).append("\nThank you for your purchase!");
        }
        if (!lapsed.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append("These reservations had expired or were released, so they were not bought:\n")
                    .append(lines(lapsed)).append("\nOrder them again if you still want them.");
        }
        return text.toString();
    }

    static String cancelled(List<OpenHold> released) {
        return "Your reservation has been cancelled and the stock released:\n" + lines(released);
    }

    private static String lines(List<OpenHold> holds) {
        return holds.stream().map(h -> "• " + h.quantity() + " unit(s) of " + h.sku())
                .collect(Collectors.joining("\n"));
    }

    /** "5 minutes" for the integration guide's 300 s; seconds when not whole minutes. */
    static String duration(Duration ttl) {
        long seconds = ttl.toSeconds();
        if (seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    static Map<String, Object> holdData(OpenHold hold) {
        return Map.of("hold_id", hold.holdId(), "sku", hold.sku(), "quantity", hold.quantity());
    }
}
