/**
 * Conversation sessions and the customer's holds in them, in memory or in Redis, one turn at a time per session.
 */
package com.autoretail.sales.session;
