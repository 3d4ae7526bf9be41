package com.autoretail.common.idempotency;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final IdempotencyStore store = new InMemoryIdempotencyStore(1_000);

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
