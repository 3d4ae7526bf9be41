package com.autoretail.sales.session;

import java.time.Duration;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    SessionStore store(Duration ttl) {
        return new InMemorySessionStore(ttl, 100);
    }
}
