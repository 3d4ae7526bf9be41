package com.autoretail.orchestrator.planning.rules;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a clause asks for. Rules are tried in order and the first that matches wins, so the specific ones
 * come first: "payment status" before a repair order's status, a note before "add", a SKU before a part.
 */
final class IntentRules {

    private static final Pattern SALES = lowerCase("\\bsales\\b");
    private static final Pattern CANCEL = lowerCase("\\bcancel\\w*|\\bvoid\\b|\\brevoke\\b|\\bkill\\b|\\bscrap\\b"
            + "|\\bwithdraw\\b|\\bcall\\s+off\\b");
    private static final Pattern PAYMENT = lowerCase("\\bpayments?\\b|\\bpaid\\b|\\bpay\\b|\\binvoice\\b");
    private static final Pattern PAYMENT_LINK_WORDS = lowerCase("\\b(?:payment|pay)\\s*links?\\b");
    private static final Pattern NOTIFY = lowerCase("\\bremind\\w*|\\bnotif\\w*|\\breceipt\\b|\\bre-?send\\b");
    // "email the link PAY-1023F6 again", "send PAY-1023F6 to ...": an existing link sent once more.
    private static final Pattern SEND = lowerCase("\\b(?:send|re-?send|e-?mail|text|sms|forward|share)\\b");
    // "... and text the customer about it": the payment named before is the one the customer hears about.
    private static final Pattern TELL_CUSTOMER = lowerCase("^(?:please\\s+)?(?:text|sms|e-?mail|message|notify|ping"
            + "|let)\\s+(?:the\\s+)?(?:customer|client|owner|them|him|her)\\b");
    // Money asked of someone whose address the clause gives: "request 64.99 USD from a@b.com", "send a@b.com $180".
    private static final Pattern ASK_MONEY = lowerCase("\\b(?:send|request|ask|get|collect|charge|bill)\\b");
    private static final Pattern LINK = lowerCase("\\blinks?\\b");
    // A check of a link that is not sent: "would a $75 link to ... be valid?"
    private static final Pattern VALID = lowerCase("\\bvalid(?:ate|ated|ity)?\\b|\\bwould\\s+(?:\\S+\\s+){0,2}(?:go\\s+through"
            + "|be\\s+(?:ok|okay|accepted|fine))\\b");
    private static final Pattern VALID_PART = lowerCase("\\bvalid(?:ate)?\\b(?!\\s+for\\b)|\\bexists?\\b|\\breal\\s+part"
            + "|\\blegit\\w*|\\b(?:correct|genuine|known|right)\\s+part\\s*(?:number|no|#)");
    // "can RO 1005 go to quality check?", "is moving it to completed allowed?": whether the move may be made.
    private static final Pattern MAY_MOVE = lowerCase("\\b(?:can|could|may|might|would|will|is\\s+it\\s+ok\\s+to)\\b.{0,60}"
            + "\\b(?:go|goes|move|moving|moved|transition\\w*|switch\\w*|jump|skip|advance|be\\s+(?:set|marked|put|moved"
            + "|closed|cancell?ed|completed|invoiced|scheduled|reopened))\\b"
            + "|\\ballowed\\b|\\bpossible\\b|\\bpermitted\\b|\\bvalid\\s+(?:transition|move)\\b");
    private static final Pattern PAYMENT_STATUS = lowerCase("\\bpayment\\s+status\\b"
            + "|\\bstatus\\s+of\\s+(?:the\\s+|its\\s+|a\\s+|this\\s+)?payments?\\b|\\bbeen\\s+paid\\b"
            + "|\\bis\\s+(?:\\S+\\s+){0,3}paid\\b|\\b(?:bill|invoice|balance|account|payment)\\b.{0,40}\\bsettled\\b"
            + "|\\bsettled\\s+up\\b|\\bpaid\\s+off\\b"
            + "|\\b(?:money|cash|funds|payment)\\b.{0,40}\\b(?:received|c[oa]me\\s+(?:in|through)|arrived|landed)\\b"
            + "|\\b(?:received|got)\\s+(?:the\\s+)?(?:money|payment|cash|funds)\\b"
            + "|\\bcheck\\b.{0,80}\\bpayments?\\b|\\bpayments?\\b.{0,80}\\b(?:status|state)\\b|\\bpaid\\s+(?:yet"
            + "|already)\\b"
            + "|\\b(?:get|got|gotten|was|were)\\s+paid\\b|\\bpaid\\s*\\?|\\bpaid\\s+(?:for|up|in\\s+full)\\b"
            + "|\\b(?:status|state)\\b.{0,40}\\bpayments?\\b|\\bdid\\b.{0,40}\\bpay\\b");
    // "PAY-1003A9 status", "where is PAY-1003A9 at": a payment named, and its state asked
    private static final Pattern STATUS_WORD = lowerCase("\\b(?:status|state|where\\s+(?:is|are|does))\\b");
    private static final Pattern REFUND_STATE = lowerCase("\\brefunded\\b|\\brefund\\b.{0,40}\\b(?:processed|through"
            + "|done|issued|completed|happened|gone)\\b");
    private static final Pattern PAYMENT_METHODS = lowerCase("\\bpayment\\s+methods?\\b|\\bcards?\\s+on\\s+file\\b"
            + "|\\bsaved\\s+cards?\\b|\\bhow\\s+(?:can|does|will|could)\\s+(?:\\S+\\s+){1,3}pay\\b|\\bwallet\\b"
            + "|\\bcards?\\b.{0,40}\\b(?:saved|stored|on\\s+file|registered)\\b|\\bpay(?:ment)?\\s+options?\\b");
    private static final Pattern PAYMENT_LINK = lowerCase("\\b(?:payment|pay)\\s*links?\\b|\\binvoice\\b|\\bbill\\b"
            + "|\\bcharge\\b|\\brequest\\s+(?:a\\s+)?payment\\b|\\bpayment\\s+request\\b|\\bcollect\\b.{0,80}\\bpayment"
            + "|\\bsend\\b.{0,80}\\bpayment\\b");
    private static final Pattern CREATE = lowerCase("\\b(?:create|open|new|raise|book|register|start|make|set\\s+up"
            + "|write\\s+up|log)\\b.{0,80}"
            + "\\b(?:repair\\s+orders?|ros?|work\\s+orders?|job)\\b");
    private static final Pattern HISTORY = lowerCase("\\bhistory\\b|\\btimeline\\b|\\baudit\\s+trail\\b"
            + "|\\beverything\\s+(?:that\\s+)?(?:happened|was\\s+done|we\\s+did|done)\\b|\\bwhat\\s+(?:has\\s+"
            + "|had\\s+)?happened\\b"
            + "|\\bwhat(?:\\s+(?:was|has\\s+been|got|have\\s+we)|'?s\\s+been)\\s+done\\b|\\bactivity\\b"
            + "|\\ball\\s+(?:the\\s+)?events\\b"
            + "|\\bfull\\s+story\\b|\\bwork\\s+log\\b|\\bchange\\s*log\\b|\\bso\\s+far\\b|\\bwalk\\s+me\\s+through\\b"
            + "|\\beverything\\s+(?:on|about|for|with)\\b|\\bwhat\\s+(?:work|jobs?|repairs?)\\s+(?:has|have|was|were)\\s+"
            + "(?:been\\s+)?done\\b");
    private static final Pattern ASSIGN = lowerCase("\\bassign\\w*|\\ballocate\\b|\\bput\\b|\\bgive\\b|\\bschedule\\b"
            + "|\\bhave\\b|\\bwork(?:s|ing)?\\s+on\\b|\\btak(?:e|es|ing)\\b|\\btook\\b|\\bhandl\\w*|\\bown(?:s|ing)?\\b"
            + "|\\bpick(?:s|ing)?\\s+up\\b|\\bgets?\\b|\\bis\\s+on\\b|\\bwill\\s+do\\b|\\bdoing\\b|\\bset\\b|\\bmove\\b"
            + "|\\bswitch\\b|\\bhand\\s+(?:over|off)\\b|\\breassign\\b|\\bneeds?\\b"
            + "|\\bon\\s+(?:ro|r\\.o\\.|r/o|repair\\s+order)s?\\b");
    // Taking a technician off an order is no operation of the fleet: refused, never read as an assignment.
    private static final Pattern UNASSIGN = lowerCase("\\bun-?assign\\w*|\\bremov\\w*|\\btake\\s+\\S+\\s+off\\b"
            + "|\\boff\\s+(?:of\\s+)?"
            + "(?:the\\s+)?(?:ro|job|repair)\\b");
    private static final Pattern NOTE = lowerCase("\\b(?:add|write|log|record|put|leave|attach|append|make"
            + "|enter)\\b[^:]{0,80}"
            + "\\b(?:note|comment|remark)s?\\b|^(?:note|comment|remark)s?\\b");
    // A note without the word: "write down on RO 1015 that ...", "jot down on RO 1013: ...", "record on RO 1004 that".
    private static final Pattern NOTE_VERB = lowerCase("^(?:please\\s+|pls\\s+)?(?:(?:write|jot|put|note|take)\\s+down"
            + "|record|log|document|mention)\\s+(?:on|in|against|for|to)\\s+(?:the\\s+)?(?:ro|r\\.o\\.|r/o|repair\\s+order)");
    private static final Pattern COMPATIBLE = lowerCase("\\bcompatib\\w*|\\bfits?\\b|\\bfitment\\b"
            + "|\\bwork\\s+(?:with|on|for)\\b|\\bsuitable\\s+for\\b");
    // "does SUS4401 go on a 2020 F-150": a part that goes on a vehicle the clause names.
    private static final Pattern GOES_ON = lowerCase("\\b(?:go|goes|going)\\s+(?:on|in|into|onto)\\s+(?:an?|the|my|his|her"
            + "|this|that|their)\\s");
    private static final Pattern ALTERNATIVE = lowerCase("\\balternativ\\w*|\\bsubstitut\\w*|\\binstead\\s+of\\b"
            + "|\\bequivalent\\w*|\\breplacements?\\s+(?:for|to|options?)\\b|\\bsimilar\\s+parts?\\b"
            + "|\\bother\\s+options?\\b"
            + "|\\bwhat\\s+else\\b|\\b(?:could|can|would|will|might)\\s+(?:\\w+\\s+)?replace\\b|\\bsomething\\s+else\\b"
            + "|\\banother\\s+(?:part|brand|option)\\b|\\bcross[\\s-]?ref\\w*|\\bswap\\b.{0,40}\\bfor\\b"
            + "|\\bsub\\s+for\\b|\\bstand[\\s-]+ins?\\b|\\bin\\s+place\\s+of\\b|\\bother\\s+(?:parts?|brands?)\\b");
    private static final Pattern RELEASE = lowerCase("\\brelease\\w*|\\bcancel\\w*|\\bfree\\b|\\bdrop\\b|\\bundo\\b"
            + "|\\bgive\\s+back\\b|\\breturn\\b|\\bun-?reserve\\b|\\bremov\\w*|\\blet\\s+(?:it\\s+|them\\s+)?go\\b|\\bvoid\\b"
            + "|\\b(?:do\\s*n[o']?t|no\\s+longer)\\s+need\\b");
    private static final Pattern COMMIT = lowerCase("\\bcommit\\w*|\\bfinali[sz]e\\b|\\bconfirm\\w*|\\bcomplete\\b"
            + "|\\bcheck\\s*out\\b|\\bsell\\b|\\bsold\\b|\\bbuy\\b|\\bclose\\b");
    // Wishes the fleet has no operation for: a clause that asks one is refused, even beside clauses it can plan.
    private static final Pattern UNSUPPORTED = lowerCase("\\b(?:delete|deleting|erase|wipe|purge|destroy|drop|remove"
            + "|removing|un-?assign|deactivate|truncate|reset|rename|edit|modify|change\\s+the\\s+price|discount)\\b"
            // a price is the dealer system's to change, not the planner's: "lower the labour rate", "cut the bill"
            + "|\\b(?:lower|reduce|cut|raise|increase|adjust|change|knock)\\b.{0,40}\\b(?:rates?|prices?|costs?|labou?r"
            + "|fees?|totals?|bill)\\b");
    private static final Pattern HOLD = lowerCase("\\bhold\\b|\\breserve\\b|\\bput\\s+aside\\b|\\bset\\s+aside\\b"
            + "|\\border\\b|\\bbuy\\b|\\bpurchase\\b|\\bblock\\b|\\bkeep\\b");
    private static final Pattern ADD = lowerCase("\\b(?:add|adding|adds|reserve|reserving|attach|put|install|allocate"
            + "|hold|book|fit|use|grab|earmark|set\\s+aside)\\b");
    // "hold 1 at STORE_005" after a clause that named the SKU
    private static final Pattern HOLD_FIRST = lowerCase("^(?:please\\s+|pls\\s+)?(?:hold|reserve|put\\s+aside|set\\s+aside"
            + "|keep|block)\\b");
    // "need 2x BRK-2201 on RO 1068" reserves; "need brake pads" searches: a need adds a part only with an order named.
    private static final Pattern NEED = lowerCase("\\bneeds?\\b");
    private static final Pattern ORDER = lowerCase("\\border\\b");
    private static final Pattern PART_WORD = lowerCase("\\bparts?\\b");
    private static final Pattern PRONOUN = lowerCase("\\b(?:it|them|these|those|that\\s+part|this\\s+part"
            + "|the\\s+parts?)\\b");
    private static final Pattern AVAILABILITY = lowerCase("\\bavailab\\w*|\\bin\\s+stock\\b|\\bstock\\b"
            + "|\\bhow\\s+many\\b"
            + "|\\bon\\s+hand\\b|\\bgot\\s+any\\b|\\bdo\\s+(?:we|you)\\s+have\\b|\\bon\\s+the\\s+shel(?:f|ves)\\b"
            + "|\\bin\\s+the\\s+(?:warehouse|back|store)\\b|\\bany\\s+left\\b");
    private static final Pattern BARE_REFERENCE = lowerCase("^\\W*(?:ro|repair\\s+order|part)s?\\b[^a-z]*$");
    // Naming a repair order or a part is not yet asking about it: "sort out RO 1234" is not understood.
    private static final Pattern VIEW = lowerCase("\\b(?:show|get|details?|view|look\\s*up|look\\s+at|display"
            + "|fetch|pull"
            + "|open|what|what's|whats|status|info|information|check|see|find|where|tell|describe|summary|summari[sz]e"
            + "|lookup)\\b|^\\W*(?:ro|repair\\s+order|part)s?\\b[^a-z]*$");
    private static final Pattern SEARCH = lowerCase("\\b(?:search|find|look\\s*(?:up|for)|looking\\s+for"
            + "|do\\s+we\\s+have"
            + "|got\\s+(?:any|an?)|(?<!\\bno\\s)need(?!\\s+to\\b)|show\\s+me|carry|stock)\\b");

    private record Rule(Intent intent, Predicate<ClauseView> applies) {
    }

    // Each rule looks for a literal word (a fast substring search) or an entity before its pattern scans the clause.
    private static final List<Rule> RULES = List.of(
            new Rule(Intent.SALES_MESSAGE, v -> has(v, "sales") && find(SALES, v)),
            new Rule(Intent.ADD_NOTE, v -> has(v, "note", "comment", "remark") && find(NOTE, v)
                    || !v.repairOrders().isEmpty() && find(NOTE_VERB, v)),
            // "release the reservation" without its id is asked for the id, not dropped
            new Rule(Intent.RELEASE_RESERVATION, v -> (!v.own().reservationIds().isEmpty() || has(v, "reservation"))
                    && find(RELEASE, v)),
            new Rule(Intent.VALIDATE_PAYMENT, v -> has(v, "valid", "would") && find(VALID, v)
                    && (!v.own().amounts().isEmpty() || !v.own().emails().isEmpty())
                    && (find(LINK, v) || find(PAYMENT, v) || has(v, "charge"))),
            new Rule(Intent.COMMIT_HOLD, v -> !v.own().holdIds().isEmpty() && find(COMMIT, v)),
            new Rule(Intent.RELEASE_HOLD, v -> (!v.own().holdIds().isEmpty()
                    || v.own().skus().isEmpty() && has(v, "hold")) && find(RELEASE, v)),
            // "has PAY-1002B2 been refunded?" asks how the payment stands
            new Rule(Intent.PAYMENT_STATUS, v -> has(v, "refund") && Asking.asks(v) && find(REFUND_STATE, v)),
            new Rule(Intent.REFUND, v -> has(v, "refund")),
            new Rule(Intent.CANCEL_PAYMENT_LINK, v -> has(v, "cancel", "void", "revoke", "kill", "scrap", "withdraw",
                    "call off") && find(CANCEL, v)
                    && (!v.own().paymentIds().isEmpty() || find(PAYMENT_LINK_WORDS, v))),
            new Rule(Intent.PAYMENT_NOTIFICATION, v -> has(v, "remind", "notif", "receipt", "resend", "re-send")
                    && find(NOTIFY, v) && (!v.own().paymentIds().isEmpty() || find(PAYMENT, v))
                    || !v.own().paymentIds().isEmpty() && v.own().amounts().isEmpty() && find(SEND, v)
                    || !v.payments().isEmpty() && find(TELL_CUSTOMER, v)),
            new Rule(Intent.PAYMENT_STATUS, v -> has(v, "pay", "paid", "settled", "money", "cash", "funds")
                    && find(PAYMENT_STATUS, v)
                    || !v.own().paymentIds().isEmpty() && find(STATUS_WORD, v)),
            new Rule(Intent.PAYMENT_METHODS, v -> has(v, "payment", "card", "pay", "wallet")
                    && find(PAYMENT_METHODS, v)),
            new Rule(Intent.PAYMENT_LINK, v -> !namesOnlyAStatus(v) && (has(v, "pay", "invoice", "bill", "charge")
                    && find(PAYMENT_LINK, v) || !v.own().amounts().isEmpty() && (find(LINK, v)
                    || !v.own().emails().isEmpty() && find(ASK_MONEY, v)))),
            new Rule(Intent.CREATE_REPAIR_ORDER, v -> v.own().repairOrderIds().isEmpty()
                    && (!v.own().customerIds().isEmpty() || !v.own().vehicleIds().isEmpty()
                    || v.customer() != null && v.vehicleId() != null) && find(CREATE, v)),
            new Rule(Intent.REPAIR_HISTORY, v -> has(v, "histor", "timeline", "audit", "happen", "done", "activity",
                    "event", "story", "log", "far", "walk", "everything") && find(HISTORY, v)),
            new Rule(Intent.ASSIGN_TECHNICIAN, v -> !v.own().technicianIds().isEmpty() && !Asking.asks(v)
                    && find(ASSIGN, v) && !find(UNASSIGN, v)),
            new Rule(Intent.COMPATIBILITY, v -> !v.parts().isEmpty() && (find(COMPATIBLE, v)
                    || v.own().vehicle() != null && find(GOES_ON, v))),
            new Rule(Intent.ALTERNATIVE_PARTS, v -> !v.parts().isEmpty() && find(ALTERNATIVE, v)),
            new Rule(Intent.VALIDATE_PART, v -> !v.own().partNumbers().isEmpty() && find(VALID_PART, v)),
            new Rule(Intent.INVENTORY_HOLD, v -> !v.skus().isEmpty()
                    && (!v.own().skus().isEmpty() || find(PRONOUN, v) || find(HOLD_FIRST, v)) && find(HOLD, v)),
            new Rule(Intent.INVENTORY_STOCK, v -> !v.own().skus().isEmpty()),
            new Rule(Intent.ADD_PART, IntentRules::addsPart),
            new Rule(Intent.PART_AVAILABILITY, v -> !v.parts().isEmpty() && find(AVAILABILITY, v)),
            new Rule(Intent.VALIDATE_TRANSITION, v -> v.status() != null && Asking.asks(v) && find(MAY_MOVE, v)),
            new Rule(Intent.STATUS_CHANGE, v -> v.status() != null && !Asking.asks(v) && !v.declines()),
            // "show me RO 1234" names a repair order, not a part to search for
            new Rule(Intent.PART_SEARCH, v -> v.own().partNumbers().isEmpty()
                    && (v.own().repairOrderIds().isEmpty() || find(PART_WORD, v)) && find(SEARCH, v)),
            new Rule(Intent.PART_DETAILS, v -> !v.own().partNumbers().isEmpty() && find(VIEW, v)),
            // "is RO 1005 in progress?" asks what the order is at
            new Rule(Intent.REPAIR_ORDER_DETAILS, v -> !v.own().repairOrderIds().isEmpty()
                    && (find(VIEW, v) || Asking.asks(v))));

    /** The rules as one matcher of intents among others: what they find, they find for sure. */
    static final IntentMatcher MATCHER = clause -> {
        Intent intent = detect(clause);
        return intent == null ? List.of() : List.of(new IntentMatcher.Match(intent, IntentMatcher.CERTAIN));
    };

    private IntentRules() {
    }

    /** What the clause asks for, or null when it asks for nothing the rules know (it may still name entities). */
    static Intent detect(ClauseView clause) {
        for (Rule rule : RULES) {
            if (rule.applies.test(clause)) {
                return rule.intent;
            }
        }
        return null;
    }

    /**
     * The wish the fleet has no operation for that the clause states ("delete", "remove"), or null. A clause with
     * such a wish and no intent makes the planner refuse the whole request rather than plan the rest of it.
     */
    static String unsupported(ClauseView clause) {
        Matcher wish = UNSUPPORTED.matcher(clause.lower());
        return wish.find() ? wish.group() : null;
    }

    /**
     * "Add part 1234 to RO 1", "reserve it for RO 1", and "add a part to RO 1" (refused later: which part?); not "put
     * RO 1031 on hold waiting for parts", a status.
     */
    private static boolean addsPart(ClauseView v) {
        boolean ownParts = !v.own().partNumbers().isEmpty();
        if (!ownParts && v.status() != null) {
            return false;
        }
        boolean needed = ownParts && !v.own().repairOrderIds().isEmpty() && find(NEED, v);
        // "RO 1021: 2 pcs COL7720", "parts BRK-2201 x2" after a clause that named the order: a count of a part for an
        // order is a request for it, unless asked as a question.
        boolean counted = ownParts && v.ownQuantity() != null && !v.repairOrders().isEmpty() && !Asking.asks(v);
        if (!(find(ADD, v) || ownParts && find(ORDER, v) || needed || counted)) {
            return false;
        }
        return !v.parts().isEmpty() && (ownParts || find(PRONOUN, v))
                || find(PART_WORD, v) && !v.own().repairOrderIds().isEmpty();
    }

    /** "bill out RO 1009 (status invoiced)": a status named, and no amount, address or link to send. */
    private static boolean namesOnlyAStatus(ClauseView v) {
        return v.status() != null && v.own().amounts().isEmpty() && v.own().emails().isEmpty() && !find(LINK, v);
    }

    /** "RO 1234", "part 1234": a bare reference, which is no request of its own beside another clause. */
    static boolean bareReference(ClauseView clause) {
        return BARE_REFERENCE.matcher(clause.lower()).find();
    }

    private static boolean has(ClauseView clause, String... words) {
        for (String word : words) {
            if (clause.lower().contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean find(Pattern pattern, ClauseView clause) {
        return pattern.matcher(clause.lower()).find();
    }

    /** A pattern over the lower-cased clause, so without the cost of case-insensitive matching. */
    private static Pattern lowerCase(String regex) {
        return Pattern.compile(regex);
    }
}
