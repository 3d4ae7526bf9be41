package com.autoretail.sales.session;

import com.autoretail.sales.session.Session.HistoryEntry;
import com.autoretail.sales.session.Session.OpenHold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every session store does: keep a session whole, and forget it after its idle time. */
abstract class SessionStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    abstract SessionStore store(Duration ttl);

    static Session sample(String id) {
        return new Session(id, List.of(new HistoryEntry("customer", "I want 2 units of SKU000001", NOW),
                new HistoryEntry("agent", "✅ Reserved 2 unit(s) of SKU000001 for you!", NOW)), "order", "SKU000001",
                2, Session.PENDING_CHECKOUT,
                List.of(new OpenHold("hold-1", "SKU000001", 2, "online", NOW.plusSeconds(300),
                        "session-" + id + "-SKU000001")),
                Map.of("SKU000001", 0), NOW, NOW);
    }

    @Test
    void keepsASessionWhole() {
        SessionStore store = store(Duration.ofMinutes(5));
        String id = UUID.randomUUID().toString();

        store.save(sample(id));

        assertThat(store.find(id)).contains(sample(id));
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void forgetsASessionAfterItsIdleTime() throws InterruptedException {
        SessionStore store = store(Duration.ofMillis(300));
        String id = UUID.randomUUID().toString();
        store.save(sample(id));

        Thread.sleep(700);

        assertThat(store.find(id)).isEmpty();
    }
}
