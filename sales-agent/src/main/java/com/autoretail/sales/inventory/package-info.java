/**
 * The sales agent's client of the inventory agent: stock, availability and holds through a retry, a circuit breaker
 * and a short cache.
 */
package com.autoretail.sales.inventory;
