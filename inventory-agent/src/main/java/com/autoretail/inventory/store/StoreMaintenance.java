package com.autoretail.inventory.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Seeds the store before the agent takes requests, and reaps: every interval it expires the holds past their
 * expiry, giving their stock back. The expiry state lives in the store, so a restarted agent, or another
 * instance, reaps what this one left; racing reapers are safe because the store moves a hold out of
 * {@code held} only once. A store that is unreachable at start (Redis down) is seeded on a later tick.
 */
public final class StoreMaintenance implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreMaintenance.class);
    // a tick that finds a full batch takes another, up to this many, so a backlog drains without starving stop()
    private static final int MAX_BATCHES_PER_TICK = 50;

    private final InventoryStore store;
    private final List<Product> seed;
    private final Duration interval;
    private final int batchSize;
    private volatile boolean seeded;
    private volatile boolean failing;
    private ScheduledExecutorService reaper;

    public StoreMaintenance(InventoryStore store, List<Product> seed, Duration interval, int batchSize) {
        this.store = store;
        this.seed = seed;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            seedOnce();
        } catch (RuntimeException e) {
            failing = true;
            log.warn("Cannot seed the inventory store yet ({}); retrying every {}", e.getMessage(), interval);
        }
    }

    /** One round: seeds when not done yet, then expires what is due. Failures are logged, never thrown. */
    private void tick() {
        try {
            seedOnce();
            int batches = 0;
            while (store.expireDue(batchSize) == batchSize && ++batches < MAX_BATCHES_PER_TICK) {
                log.debug("A full batch of {} holds expired; taking another", batchSize);
            }
            if (failing) {
                failing = false;
                log.info("The inventory store is reachable again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Reaping expired holds failed: {}", e.getMessage());
            }
        }
    }

    private void seedOnce() {
        if (!seeded) {
            int added = store.seed(seed);
            seeded = true;
            log.info("Inventory seeded: {} of {} products added, the others kept their live stock", added,
                    seed.size());
        }
    }

    @Override
    public synchronized void start() {
        if (reaper == null) {
            reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("hold-reaper")
                    .daemon(true).factory());
            reaper.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (reaper != null) {
            reaper.shutdownNow();
            reaper = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return reaper != null;
    }
}
