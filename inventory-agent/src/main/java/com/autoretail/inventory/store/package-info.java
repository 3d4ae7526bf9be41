/**
 * Stock and holds: the store contract and its in-memory and Redis implementations, where every check-and-change is
 * one atomic step and an expired hold gives its stock back exactly once.
 */
package com.autoretail.inventory.store;
