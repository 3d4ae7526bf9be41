/**
 * The sales agent's own REST API: {@code POST /api/message}, one turn of the customer conversation.
 */
package com.autoretail.sales.api;
