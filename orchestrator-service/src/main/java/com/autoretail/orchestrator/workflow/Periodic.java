package com.autoretail.orchestrator.workflow;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task this orchestrator runs every so often on a thread of its own, from its start to its stop. */
abstract class Periodic implements SmartLifecycle {

    private final String name;
    private ScheduledExecutorService timer;

    Periodic(String name) {
        this.name = name;
    }

    /** One round; its failures are its own business. */
    abstract void tick();

    /** The wait before the first round, and between two rounds. */
    abstract Duration every();

    /** Whether this task runs at all in this orchestrator. */
    boolean wanted() {
        return true;
    }

    @Override
    public void start() {
        if (!wanted()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon(true).factory());
        long every = every().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
