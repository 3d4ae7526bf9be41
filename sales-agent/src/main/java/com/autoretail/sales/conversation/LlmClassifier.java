package com.autoretail.sales.conversation;

import com.autoretail.sales.session.Session;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;

import java.util.Locale;
import java.util.Optional;

/**
 * Classifies with an LLM through Spring AI's {@link ChatClient}, its answer parsed into {@link Answer}. The rules
 * decide whenever the LLM fails (unreachable, an error, unparseable output) or answers nonsense: an intent outside
 * the list, {@code unknown}, a malformed SKU, a SKU that is neither in the message nor the conversation's (an
 * invention), or a negative quantity. The customer's text can only ever choose among these answers, whatever it
 * tells the model.
 */
class LlmClassifier implements IntentClassifier {

    private static final Logger log = LoggerFactory.getLogger(LlmClassifier.class);

    static final String SYSTEM_PROMPT = """
            You classify one message that a customer sends to the sales assistant of an auto parts retailer.
            Answer with one JSON object and nothing else: {"intent": "...", "sku": "...", "quantity": 0}
            intent, exactly one of:
              inventory - asks about stock, availability or stores for a product
              order     - wants to buy or reserve a quantity of a product, or changes the quantity of the current
                          order ("make it 3")
              checkout  - wants to pay, check out, confirm or complete the reserved order
              cancel    - wants to cancel or release a reservation
              greeting  - says hello or thanks and asks nothing else
              help      - asks what the assistant can do, or declines the assistant's last question
              unknown   - anything else
            sku: the product SKU the message names (SKU followed by six digits, e.g. SKU000001), or null when the
                 message names none.
            quantity: the number of units the message asks for as an integer ("two" is 2, "a dozen" is 12), or
                      null when it names none.
            A short reply such as "yes" answers the assistant's last question given below.
            """;

    /** The LLM's answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String intent, String sku, Integer quantity) {
    }

    private final ChatClient chat;
    private final IntentClassifier rules;

    LlmClassifier(ChatClient chat, IntentClassifier rules) {
        this.chat = chat;
        this.rules = rules;
    }

    @Override
    public Classification classify(String message, Session session) {
        Answer answer;
        try {
            answer = chat.prompt().system(SYSTEM_PROMPT).user(userText(message, session)).call().entity(Answer.class);
        } catch (RuntimeException e) {
            log.warn("LLM classification failed, the rules decide: {}", e.getMessage());
            return rules.classify(message, session);
        }
        return accepted(answer, message, session).orElseGet(() -> {
            log.info("LLM answer {} not usable, the rules decide", answer);
            return rules.classify(message, session);
        });
    }

    private static Optional<Classification> accepted(Answer answer, String message, Session session) {
        if (answer == null) {
            return Optional.empty();
        }
        Optional<CustomerIntent> intent = CustomerIntent.fromWire(answer.intent())
                .filter(i -> i != CustomerIntent.UNKNOWN);
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        String sku = answer.sku() == null || answer.sku().isBlank() || "null".equalsIgnoreCase(answer.sku())
                ? null : answer.sku().trim().toUpperCase(Locale.ROOT);
        if (sku != null && (!sku.matches("SKU\\d{6}") || !mentioned(sku, message, session))) {
            return Optional.empty();
        }
        if (answer.quantity() != null && answer.quantity() < 0) {
            return Optional.empty();
        }
        // what the model left out but the message plainly says, the patterns read
        Integer quantity = answer.quantity() == null ? Quantities.find(message) : answer.quantity();
        return Optional.of(new Classification(intent.get(), sku == null ? RuleClassifier.sku(message) : sku, quantity,
                Classification.LLM));
    }

    private static boolean mentioned(String sku, String message, Session session) {
        return message.toUpperCase(Locale.ROOT).contains(sku) || sku.equals(session.lastSku());
    }

    /** The message with the context a follow-up needs; built here, not templated, so braces in it stay text. */
    private static String userText(String message, Session session) {
        String question = switch (session.pending() == null ? "" : session.pending()) {
            case Session.PENDING_CHECKOUT -> "Ready to proceed with checkout?";
            case Session.PENDING_STORE_AVAILABILITY -> "Would you like to check store availability?";
            default -> "none";
        };
        return "Product talked about last: " + (session.lastSku() == null ? "none" : session.lastSku())
                + "\nOpen reservations: " + session.holds().size()
                + "\nThe assistant's last question: " + question
                + "\nThe customer's message:\n" + message;
    }
}
