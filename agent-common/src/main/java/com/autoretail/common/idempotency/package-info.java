/**
 * Idempotency by request_id: the store of claims (with the request's fingerprint and a lease) and final responses, in
 * memory or in Redis, so that a side effect runs once whatever the replays, retries and crashes.
 */
package com.autoretail.common.idempotency;
