/**
 * The inventory agent's own REST API of the integration guide: stock, availability, holds with an {@code
 * X-Idempotency-Key}, release and commit.
 */
package com.autoretail.inventory.api;
