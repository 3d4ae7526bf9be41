package com.autoretail.common.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later: nothing listens on them, none is handed out twice in one JVM, and all lie
 * below the kernel's ephemeral range (32768–60999 by default). A port from {@code new ServerSocket(0)} is free only
 * until that socket closes: the kernel may hand it to the next caller, or to an outgoing connection, before the
 * server binds it, and a client retrying a closed port in that range can even connect to itself.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int EPHEMERAL = 32_768;
    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    /** A port no server of this machine listens on, never returned before in this JVM. */
    public static synchronized int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(FIRST, EPHEMERAL);
            if (!handedOut.contains(candidate) && bindable(candidate)) {
                handedOut.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + EPHEMERAL);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
