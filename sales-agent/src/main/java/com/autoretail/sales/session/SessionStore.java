package com.autoretail.sales.session;

import java.util.Optional;

/** Where sessions live between messages; a session is forgotten after the configured idle time. */
public interface SessionStore {

    Optional<Session> find(String id);

    /** Stores the session and starts its idle time again. */
    void save(Session session);
}
