package com.autoretail.bench.dag;

/** A step whose agent did not answer with success; the workflow it belonged to failed. */
public final class StepFailed extends RuntimeException {

    public StepFailed(String stepId, String why) {
        super(stepId + ": " + why);
    }
}
