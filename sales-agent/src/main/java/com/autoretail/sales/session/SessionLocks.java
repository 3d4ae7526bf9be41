package com.autoretail.sales.session;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One message of a session at a time in this JVM, so that two messages sent at once cannot both read the session
 * and lose one's update. Striped locks: a fixed number, shared by hash, so nothing grows with the sessions.
 * Across instances sharing Redis, a session's messages are expected one after the other, as a chat sends them.
 */
public class SessionLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Duration wait;

    public SessionLocks(Duration wait) {
        this.wait = wait;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String sessionId, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(sessionId.hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AgentException(ErrorCode.CONFLICT,
                        "Another message of session " + sessionId + " is still being answered; send it again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(ErrorCode.TIMEOUT, "Interrupted while waiting for session " + sessionId);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
