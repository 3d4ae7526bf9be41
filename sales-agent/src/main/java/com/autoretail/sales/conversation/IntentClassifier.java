package com.autoretail.sales.conversation;

import com.autoretail.sales.session.Session;

/** Reads a customer's message, in the context of the conversation so far. */
public interface IntentClassifier {

    Classification classify(String message, Session session);
}
