package com.autoretail.sales.conversation;

import com.autoretail.sales.session.Session;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in classifier: keywords, the {@code SKU\d{6}} pattern and quantities. The first rule that matches
 * wins, in this order: cancel, checkout, a bare "yes"/"no" answering the agent's last question, order, inventory,
 * greeting, help; a message naming only a SKU asks for its stock; anything else is unknown.
 */
class RuleClassifier implements IntentClassifier {

    static final Pattern SKU = Pattern.compile("\\b(SKU\\d{6})\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CANCEL = words("cancel\\w*", "release", "remove", "abort", "never ?mind",
            "don'?t want", "do not want", "changed my mind", "drop (it|that|them|the order)");
    private static final Pattern CHECKOUT = words("check[ -]?out", "pay", "payment", "proceed", "confirm\\w*",
            "complete (the|my) (order|purchase)", "place (the|my) order", "finali[sz]e", "buy (it|them) now");
    private static final Pattern STRONG_ORDER = words("order", "buy", "reserve", "purchase", "hold", "book");
    private static final Pattern WEAK_ORDER = words("want", "need", "i'?d like", "would like", "take", "get", "grab", "make it",
            "change (it |that )?to", "instead", "actually");
    private static final Pattern STOCK = words("stock", "stocks", "available", "availability", "inventory",
            "how many", "do you (have|carry)", "is there", "are there", "stores?", "look ?up", "check", "left");
    private static final Pattern GREETING = Pattern.compile(
            "^\\W*(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening)|thanks|thank you)\\b");
    private static final Pattern HELP = words("help", "what can you do", "how does (this|it) work", "options",
            "menu", "commands", "what do you do");
    private static final Pattern YES = Pattern.compile(
            "^\\W*(yes|yeah|yep|yup|sure|ok|okay|please do|go ahead|do it|sounds good|alright)\\b[\\s\\w,.!']{0,20}$");
    private static final Pattern NO = Pattern.compile("^\\W*(no|nope|not now|not yet|later|no thanks)\\b[\\W]*$");

    @Override
    public Classification classify(String message, Session session) {
        String text = message.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
        String sku = sku(message);
        Integer quantity = Quantities.find(message);
        return new Classification(intent(text, sku, quantity, session), sku, quantity, Classification.RULES);
    }

    /** The first SKU a message names, upper-cased; null when none. */
    static String sku(String message) {
        Matcher m = SKU.matcher(message);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    private static CustomerIntent intent(String text, String sku, Integer quantity, Session session) {
        if (CANCEL.matcher(text).find()) {
            return CustomerIntent.CANCEL;
        }
        if (CHECKOUT.matcher(text).find()) {
            return CustomerIntent.CHECKOUT;
        }
        if (session.pending() != null && YES.matcher(text).find()) {
            return Session.PENDING_CHECKOUT.equals(session.pending())
                    ? CustomerIntent.CHECKOUT : CustomerIntent.INVENTORY;
        }
        if (NO.matcher(text).find()) {
            return CustomerIntent.HELP;
        }
        boolean knowsSku = sku != null || session.lastSku() != null;
        boolean weakOrder = WEAK_ORDER.matcher(text).find();
        if (STRONG_ORDER.matcher(text).find() || weakOrder && quantity != null) {
            return CustomerIntent.ORDER;
        }
        if (STOCK.matcher(text).find()) {
            return CustomerIntent.INVENTORY;
        }
        if (weakOrder && knowsSku || quantity != null && knowsSku) {
            return CustomerIntent.ORDER;
        }
        if (sku != null) {
            return CustomerIntent.INVENTORY;
        }
        if (GREETING.matcher(text).find()) {
            return CustomerIntent.GREETING;
        }
        if (HELP.matcher(text).find()) {
            return CustomerIntent.HELP;
        }
        return CustomerIntent.UNKNOWN;
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", alternatives) + ")\\b");
    }
}
