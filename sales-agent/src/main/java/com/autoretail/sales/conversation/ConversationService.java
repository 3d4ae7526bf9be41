package com.autoretail.sales.conversation;

import com.autoretail.sales.conversation.Turn.Outcome;
import com.autoretail.sales.session.Session;
import com.autoretail.sales.session.SessionLocks;
import com.autoretail.sales.session.SessionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The conversation graph, in plain Java: load the session → classify the message → route to the intent's
 * handler → answer and store the session. Handlers read and change the {@link Turn}; the router is a map from
 * intent to handler, and every intent has one.
 */
public class ConversationService {

    private final IntentClassifier classifier;
    private final SessionStore sessions;
    private final SessionLocks locks;
    private final Map<CustomerIntent, Function<Turn, Outcome>> handlers = new EnumMap<>(CustomerIntent.class);
    private final int maxHistory;
    private final Clock clock;

    ConversationService(IntentClassifier classifier, SessionStore sessions, SessionLocks locks, StockHandler stock,
                        OrderHandler orders, CheckoutHandler checkout, int maxHistory, Clock clock) {
        this.classifier = classifier;
        this.sessions = sessions;
        this.locks = locks;
        this.maxHistory = maxHistory;
        this.clock = clock;
        handlers.put(CustomerIntent.INVENTORY, stock::handle);
        handlers.put(CustomerIntent.ORDER, orders::handle);
        handlers.put(CustomerIntent.CHECKOUT, checkout::checkout);
        handlers.put(CustomerIntent.CANCEL, checkout::cancel);
        handlers.put(CustomerIntent.GREETING, turn -> Outcome.of(Replies.GREETING));
        handlers.put(CustomerIntent.HELP, ConversationService::help);
        handlers.put(CustomerIntent.UNKNOWN, turn -> Outcome.of(Replies.ASK_SKU_FOR_STOCK));
    }

    /**
     * Answers one message of a session.
     *
     * @param message   the customer's text, validated by {@link MessageRules}
     * @param sessionId the session to continue; null starts a new one with a generated id
     */
    public MessageReply handle(String message, String sessionId) {
        String id = sessionId == null ? UUID.randomUUID().toString() : sessionId;
        return locks.withLock(id, () -> {
            Instant now = clock.instant();
            Session session = sessions.find(id).orElseGet(() -> Session.start(id, now));
            Classification classification = classifier.classify(message, session);
            Turn turn = new Turn(session, message, classification);
            Outcome outcome = handlers.get(classification.intent()).apply(turn);
            sessions.save(turn.toSession(classification.intent(), outcome.text(), maxHistory, now));
            Map<String, Object> data = new LinkedHashMap<>(outcome.data());
            data.put("classified_by", classification.classifiedBy());
            data.put("open_holds", turn.holds.size());
            return new MessageReply(id, outcome.text(), classification.intent().wireName(), data, outcome.holdId());
        });
    }

    private static Outcome help(Turn turn) {
        turn.pending = null;
        return Outcome.of(turn.holds.isEmpty() ? Replies.HELP : Replies.HELP_WITH_HOLDS + "\n\n" + Replies.HELP);
    }
}
