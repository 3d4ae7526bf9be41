package com.autoretail.common.mcp;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.common.wire.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The agent's connection to its MCP server over Streamable HTTP, on the MCP Java SDK's {@link McpSyncClient}.
 *
 * <p>The agent starts whether or not the server is up. A monitor pings the server every interval, reconnects
 * when it is gone and lists its tools again on every (re)connection, so that tools the server adds become
 * operations. A call while the server is unreachable fails at once with {@code UPSTREAM_UNAVAILABLE}, and a
 * circuit breaker stops calls to a server that keeps failing. Tool errors follow the convention of
 * {@link McpResults}.
 *
 * <p>Every {@code tools/call} of an operation carries its idempotency key in the request's {@code _meta}
 * ({@link ToolCalls}), so that a dealer system that remembers keys acts once however often the call is sent.
 */
public class McpToolClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(McpToolClient.class);
    private static final String HEADERS_KEY = "headers";

    private final String endpoint;
    private final McpClientSettings settings;
    private final CircuitBreaker breaker;
    private final ObjectMapper mapper;
    private final Supplier<Map<String, String>> traceHeaders;
    private final ObservationRegistry observations;
    private final ReentrantLock connectLock = new ReentrantLock();
    private final ScheduledExecutorService monitor;
    private volatile McpSyncClient client;
    private volatile List<McpSchema.Tool> tools = List.of();
    private volatile String lastError = "not connected yet";

    public McpToolClient(McpClientSettings settings, CircuitBreaker breaker, ObjectMapper mapper,
                         Supplier<Map<String, String>> traceHeaders) {
        this(settings, breaker, mapper, traceHeaders, ObservationRegistry.NOOP);
    }

    /**
     * @param observations every {@code tools/call} is observed ({@value McpObservation#NAME}): a client span whose
     *                     trace context the call carries to the server
     */
    public McpToolClient(McpClientSettings settings, CircuitBreaker breaker, ObjectMapper mapper,
                         Supplier<Map<String, String>> traceHeaders, ObservationRegistry observations) {
        this.observations = observations;
        this.endpoint = settings.endpoint();
        this.settings = settings;
        this.breaker = breaker;
        this.mapper = mapper;
        this.traceHeaders = traceHeaders;
        this.monitor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("mcp-monitor").daemon(true).factory());
    }

    /** Connects in the background now and checks the connection every {@code monitorInterval}. */
    public void start() {
        long interval = settings.monitorInterval().toMillis();
        monitor.scheduleWithFixedDelay(this::checkConnection, 0, interval, TimeUnit.MILLISECONDS);
    }

    public String endpoint() {
        return endpoint;
    }

    public boolean connected() {
        return client != null;
    }

    /** The tools last listed by the server; empty until the first connection. */
    public List<McpSchema.Tool> tools() {
        return tools;
    }

    public AgentHealth.Dependency health() {
        return connected()
                ? new AgentHealth.Dependency(AgentHealth.UP, endpoint, tools.size(), null)
                : new AgentHealth.Dependency(AgentHealth.DOWN, endpoint, tools.size(), lastError);
    }

    /**
     * Calls a tool and returns its result.
     *
     * @throws AgentException the tool's error by the convention, {@code UPSTREAM_UNAVAILABLE} when the server
     *                        can't be reached or its breaker is open, {@code TIMEOUT} when it does not answer
     */
    public Object call(String toolName, Map<String, Object> arguments) {
        return McpObservation.of(toolName, settings.clientName(), endpoint, observations)
                .observe(() -> callObserved(toolName, arguments));
    }

    private Object callObserved(String toolName, Map<String, Object> arguments) {
        if (!breaker.tryAcquirePermission()) {
            throw new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The dealer system is unavailable (circuit breaker open); retry shortly");
        }
        long start = System.nanoTime();
        try {
            McpSchema.CallToolResult result = invoke(toolName, arguments);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return McpResults.read(result, mapper);
        } catch (AgentException e) {
            if (e.code().retryable()) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            } else {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            throw e;
        }
    }

    private McpSchema.CallToolResult invoke(String toolName, Map<String, Object> arguments) {
        ToolCalls calls = ToolCalls.current();
        McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder()
                .name(toolName)
                .arguments(arguments)
                .meta(calls == null ? null : Map.of(ToolCalls.META_KEY, calls.nextKey()))
                .build();
        McpSyncClient current = client != null ? client : connect();
        if (current == null) {
            throw unavailable();
        }
        try {
            return send(current, request, calls);
        } catch (RuntimeException e) {
            if (!sessionLost(e)) {
                throw failure(current, e, calls);
            }
            // The server restarted: the request never reached a tool, so it is safe to send once more.
            if (calls != null) {
                calls.didNotAct();
            }
            disconnect(current, e);
            McpSyncClient fresh = connect();
            if (fresh == null) {
                throw unavailable();
            }
            try {
                return send(fresh, request, calls);
            } catch (RuntimeException again) {
                throw failure(fresh, again, calls);
            }
        }
    }

    private static McpSchema.CallToolResult send(McpSyncClient mcp, McpSchema.CallToolRequest request,
                                                 ToolCalls calls) {
        if (calls != null) {
            calls.sending();
        }
        McpSchema.CallToolResult result = mcp.callTool(request);
        if (calls != null && Boolean.TRUE.equals(result.isError())) {
            calls.didNotAct();   // a tool error is the dealer system's definite refusal
        }
        return result;
    }

    /**
     * The contract's failure for a call that threw. A timeout or a broken connection leaves the call in doubt (it
     * may have acted); a JSON-RPC error or a refused connection means it certainly did not.
     */
    private AgentException failure(McpSyncClient used, RuntimeException e, ToolCalls calls) {
        Throwable root = McpError.findRootCause(e);
        if (root instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            return new AgentException(ErrorCode.TIMEOUT, "MCP call cancelled: the operation ran past its timeout");
        }
        if (root instanceof TimeoutException) {
            log.warn("MCP server {} did not answer within {} s", endpoint, settings.requestTimeout().toSeconds());
            return new AgentException(ErrorCode.TIMEOUT,
                    "The dealer system did not answer within " + settings.requestTimeout().toSeconds() + " s");
        }
        if (e instanceof McpError mcpError && mcpError.getJsonRpcError() != null) {
            if (calls != null) {
                calls.didNotAct();
            }
            // the server's own words (and where it is) stay in the log, beside the request_id
            log.warn("MCP server {} refused the call: {}", endpoint, mcpError.getJsonRpcError().message());
            return new AgentException(ErrorCode.UPSTREAM_ERROR,
                    "The dealer system refused the call; see the agent's log for the request_id");
        }
        if (calls != null && root instanceof ConnectException) {
            calls.didNotAct();
        }
        disconnect(used, e);
        return unavailable();
    }

    private AgentException unavailable() {
        log.debug("MCP server {} is unavailable: {}", endpoint, lastError);
        return new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE, "The dealer system is unavailable; retry shortly");
    }

    private static boolean sessionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof McpTransportSessionNotFoundException
                    || (t.getMessage() != null && t.getMessage().contains("session with server terminated"))) {
                return true;
            }
        }
        return false;
    }

    void checkConnection() {
        McpSyncClient current = client;
        if (current != null) {
            try {
                current.ping();
                return;
            } catch (RuntimeException e) {
                disconnect(current, e);
            }
        }
        connect();
    }

    /** Opens a session and lists the tools; null when the server can't be reached. */
    private McpSyncClient connect() {
        try {
            if (!connectLock.tryLock(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return client;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            if (client != null) {
                return client;
            }
            McpSyncClient fresh = newClient();
            try {
                fresh.initialize();
                tools = listAllTools(fresh);
                client = fresh;
                lastError = null;
                breaker.reset();
                log.info("Connected to MCP server {} ({} tools)", endpoint, tools.size());
                return fresh;
            } catch (RuntimeException e) {
                fresh.close();
                String error = describe(e);
                if (!error.equals(lastError)) {
                    log.warn("MCP server {} unreachable: {}", endpoint, error);
                }
                lastError = error;
                return null;
            }
        } finally {
            connectLock.unlock();
        }
    }

    private void disconnect(McpSyncClient stale, Throwable cause) {
        connectLock.lock();
        try {
            if (client == stale) {
                client = null;
                lastError = describe(cause);
                log.warn("Lost MCP server {}: {}", endpoint, lastError);
            }
        } finally {
            connectLock.unlock();
        }
        stale.close();
    }

    private static List<McpSchema.Tool> listAllTools(McpSyncClient mcp) {
        List<McpSchema.Tool> all = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? mcp.listTools() : mcp.listTools(cursor);
            all.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null);
        return List.copyOf(all);
    }

    private McpSyncClient newClient() {
        URI uri = URI.create(endpoint);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(path)
                .connectTimeout(settings.connectTimeout())
                .httpRequestCustomizer((builder, method, target, body, context) -> {
                    settings.headers().forEach(builder::header);
                    if (context != null && context.get(HEADERS_KEY) instanceof Map<?, ?> extra) {
                        extra.forEach((name, value) -> builder.header(name.toString(), value.toString()));
                    }
                })
                .build();
        return McpClient.sync(transport)
                .requestTimeout(settings.requestTimeout())
                .initializationTimeout(settings.connectTimeout())
                .clientInfo(new McpSchema.Implementation(settings.clientName(), settings.clientVersion()))
                .transportContextProvider(() -> McpTransportContext.create(Map.of(HEADERS_KEY, traceHeaders.get())))
                .toolsChangeConsumer(changed -> {
                    tools = List.copyOf(changed);
                    log.info("MCP server {} changed its tools ({} tools)", endpoint, changed.size());
                })
                .build();
    }

    private static String describe(Throwable e) {
        Throwable root = McpError.findRootCause(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : root.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        McpSyncClient current = client;
        client = null;
        if (current != null) {
            current.close();
        }
    }
}
