package com.autoretail.orchestrator.plan;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Plan ids in the architecture document's shape, {@code wf_20250625_104145_001}: the UTC second and a counter within it. */
public final class PlanIds {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private static final int COUNTER_SPAN = 999;

    // One counter for the JVM, so the LLM path, the rule planner and normalized caller plans never share an id
    // within a second unless more than 999 plans are made in it.
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private PlanIds() {
    }

    public static String next(Clock clock) {
        int n = Math.floorMod(COUNTER.getAndIncrement(), COUNTER_SPAN) + 1;
        String counter = n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
        return "wf_" + SECOND.format(clock.instant()) + "_" + counter;
    }
}
