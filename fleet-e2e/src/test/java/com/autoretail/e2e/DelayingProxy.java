package com.autoretail.e2e;

import com.autoretail.common.testsupport.FreePorts;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on a port of its own in front of one service, for faults the service cannot make itself: it can
 * answer late (every response starts {@link #delay} after its request was forwarded, so the service has done the
 * work when the caller gives up), and it can go away ({@link #down()}: connections refused and open ones reset,
 * as when a host dies) and come back on the same port ({@link #up()}). Bytes pass unchanged, so HTTP/1.1
 * keep-alive and streamed answers work as they do without it.
 */
final class DelayingProxy implements AutoCloseable {

    private final int port;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;
    private volatile ServerSocket listener;

    DelayingProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        this.port = FreePorts.next();
        up();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every response from now on starts this long after its request reached the service. */
    void delay(Duration delay) {
        this.delay = delay;
    }

    /** Accepts connections again, on the same port. */
    synchronized void up() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy could not listen on " + port + " again", e);
        }
        Thread.ofVirtual().name("proxy-" + port).start(() -> accept(listener));
    }

    /** Refuses new connections and resets the open ones. */
    synchronized void down() {
        close(listener);
        listener = null;
        open.forEach(DelayingProxy::reset);
        open.clear();
    }

    @Override
    public void close() {
        down();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket service = new Socket("127.0.0.1", upstreamPort);
                open.add(client);
                open.add(service);
                AtomicBoolean answerDue = new AtomicBoolean();
                Thread.ofVirtual().start(() -> pump(client, service, answerDue, false));
                Thread.ofVirtual().start(() -> pump(service, client, answerDue, true));
            } catch (IOException e) {
                // the listener was closed by down(), or the service refused: the caller sees a reset
            }
        }
    }

    /** Copies bytes one way; the service-to-caller side waits {@link #delay} before the first bytes of an answer. */
    private void pump(Socket from, Socket to, AtomicBoolean answerDue, boolean answers) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!answers) {
                    answerDue.set(true);
                } else if (answerDue.getAndSet(false) && !delay.isZero()) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException e) {
            // reset by down() or by either side
        } catch (IOException e) {
            // the other side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // closed already
        }
        close(socket);
    }

    private static void close(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
