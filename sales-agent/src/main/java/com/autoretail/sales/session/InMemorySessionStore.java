package com.autoretail.sales.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;

/** Sessions in this JVM: the local default; gone on restart and not shared between instances. */
class InMemorySessionStore implements SessionStore {

    private final Cache<String, Session> sessions;

    InMemorySessionStore(Duration ttl, int maxSessions) {
        this.sessions = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSessions).build();
    }

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.getIfPresent(id));
    }

    @Override
    public void save(Session session) {
        sessions.put(session.id(), session);
    }
}
