/**
 * Idempotency by request_id: the store of claims and final responses, in memory or in Redis, so that a side effect
 * runs once whatever the replays and retries.
 */
package com.autoretail.common.idempotency;
