package com.autoretail.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed-loop load generator: {@code clients} virtual threads each send a request, wait for its answer and send
 * the next, for a warm-up and then a fixed measured window. Only calls that start and end inside the window are
 * counted, so throughput is completions per second of the window and latencies are those of the window.
 */
final class LoadGenerator {

    /** One request (or a fixed sequence of them); true when it succeeded. */
    @FunctionalInterface
    interface Call {
        boolean call(boolean measured) throws Exception;
    }

    /** What to run: a name for the summary, the clients, the warm-up and the measured window. */
    record Spec(String name, int clients, Duration warmup, Duration duration) {
    }

    /** Called on the generator's thread when the measured window opens and when it closes. */
    interface WindowHooks {
        WindowHooks NONE = new WindowHooks() { };

        default void opened() throws Exception {
        }

        default void closed() throws Exception {
        }
    }

    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean stopping;

    private LoadGenerator() {
    }

    static LoadResult run(Spec spec, Call call) throws Exception {
        return run(spec, call, WindowHooks.NONE);
    }

    static LoadResult run(Spec spec, Call call, WindowHooks hooks) throws Exception {
        return new LoadGenerator().drive(spec, call, hooks);
    }

    private LoadResult drive(Spec spec, Call call, WindowHooks hooks) throws Exception {
        List<Samples> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < spec.clients(); i++) {
            Samples samples = new Samples();
            perClient.add(samples);
            threads.add(Thread.ofVirtual().name("bench-client-" + i).start(() -> loop(call, samples, errors)));
        }
        sleep(spec.warmup());
        hooks.opened();
        windowStart = System.nanoTime();
        sleep(spec.duration());
        windowEnd = System.nanoTime();
        hooks.closed();
        stopping = true;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60));
        }
        long[] all = perClient.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).toArray();
        return LoadResult.of(spec, all, errors.get(), (windowEnd - windowStart) / 1e9);
    }

    private void loop(Call call, Samples samples, AtomicLong errors) {
        while (!stopping) {
            long start = System.nanoTime();
            boolean inWindow = start >= windowStart && start < windowEnd;
            boolean ok;
            try {
                ok = call.call(inWindow);
            } catch (Exception e) {
                ok = false;
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long end = System.nanoTime();
            if (inWindow && end <= windowEnd) {
                if (ok) {
                    samples.add(end - start);
                } else {
                    errors.incrementAndGet();
                }
            }
            if (!ok) {
                LockSupport.parkNanos(1_000_000);   // a failing target is not hammered in a tight loop
            }
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    /** One client's latencies, in nanoseconds; touched by its own thread only, read after it ended. */
    private static final class Samples {
        private long[] values = new long[4096];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
