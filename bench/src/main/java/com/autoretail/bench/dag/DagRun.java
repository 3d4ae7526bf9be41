package com.autoretail.bench.dag;

import java.util.Map;

/**
 * One workflow of a plan that ended with every step succeeded.
 *
 * @param wallNanos the whole run, from the first call's start to the last answer
 * @param stepNanos each step's agent call as the executor timed it, by step id
 */
public record DagRun(long wallNanos, Map<String, Long> stepNanos) {

    public DagRun {
        stepNanos = Map.copyOf(stepNanos);
    }
}
