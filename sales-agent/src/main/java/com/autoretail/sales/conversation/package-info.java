/**
 * The customer conversation: intents by rules or an LLM, the handlers of stock checks, orders, checkout and cancel,
 * and the replies.
 */
package com.autoretail.sales.conversation;
