package com.autoretail.common.tracing;

/** The paths of health checks and probes, which the fleet does not trace. */
public final class Probes {

    private Probes() {
    }

    public static boolean isProbe(String path) {
        return path != null && (path.equals("/health") || path.startsWith("/actuator"));
    }
}
