package com.autoretail.orchestrator.execution;

import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.security.ApiKeys;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import io.a2a.client.http.JdkA2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.DataPart;
import io.a2a.spec.EventKind;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Calls a step on an A2A agent with the A2A Java SDK's JSON-RPC transport: {@code message/send} of a DataPart
 * {@code {"operation", "parameters"}}, the step's {@code {request_id}:{step_id}} as message id and
 * {@code idempotency_key}, the business context in the metadata; a task that is not final yet is read again
 * ({@code tasks/get}) until it is or the step's time is up. The answer becomes the agent envelope the executor
 * reads: a completed task's first DataPart (or its text) is the result; a failed one's {@code error_code} metadata,
 * or {@code UPSTREAM_ERROR} (in doubt), the error.
 */
public class A2aAgentClient {

    private static final Logger log = LoggerFactory.getLogger(A2aAgentClient.class);
    private static final long POLL_MILLIS = 200;

    private final ServiceRegistry registry;
    private final ClientCallContext headers;
    private final JdkA2AHttpClient http = new JdkA2AHttpClient();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /** @param apiKey sent as {@code X-API-Key}, or null */
    public A2aAgentClient(ServiceRegistry registry, String apiKey) {
        this.registry = registry;
        this.headers = new ClientCallContext(Map.of(), apiKey == null ? Map.of() : Map.of(ApiKeys.HEADER, apiKey));
    }

    AgentClient.Reply execute(String service, String cardUrl, AgentServiceRequest request, Duration timeout) {
        String endpoint = registry.a2aEndpoint(cardUrl).orElse(null);
        if (endpoint == null) {
            return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.UPSTREAM_UNAVAILABLE,
                    service + " has no A2A endpoint yet (its card was not read)"), false);
        }
        JSONRPCTransport transport = new JSONRPCTransport(http, null, endpoint, List.of());
        long deadline = System.nanoTime() + timeout.toNanos();
        // bounded by waiting, never by interrupting the call: a late answer is in doubt, as with /execute
        Future<EventKind> call = calls.submit(() -> transport.sendMessage(new MessageSendParams(message(request),
                null, null), headers));
        try {
            EventKind answer = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            while (answer instanceof Task task && !task.getStatus().state().isFinal()
                    && task.getStatus().state() != TaskState.INPUT_REQUIRED && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                Future<Task> read = calls.submit(() -> transport.getTask(new TaskQueryParams(task.getId()), headers));
                answer = read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return reply(service, request, answer);
        } catch (TimeoutException e) {
            return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.TIMEOUT, service + "."
                    + request.operation() + " did not answer within " + timeout.toMillis() + " ms"), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.TIMEOUT,
                    "Interrupted while calling " + service), true);
        } catch (ExecutionException e) {
            return failed(service, cardUrl, request, e.getCause());
        }
    }

    private static Message message(AgentServiceRequest request) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("operation", request.operation());
        call.put("parameters", request.parameters());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(A2aProtocol.IDEMPOTENCY_KEY, request.requestId());
        metadata.put(A2aProtocol.CONTEXT, request.context());
        return new Message.Builder().role(Message.Role.USER).messageId(request.requestId())
                .parts(List.<Part<?>>of(new DataPart(call))).metadata(metadata).build();
    }

    private static AgentClient.Reply reply(String service, AgentServiceRequest request, EventKind answer) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("service", service);
        metadata.put("operation", request.operation());
        metadata.put("source", "a2a");
        if (answer instanceof Message message) {
            return new AgentClient.Reply(AgentServiceResponse.success(request.requestId(), result(message.getParts()),
                    0, metadata), false);
        }
        Task task = (Task) answer;
        Map<String, Object> given = task.getMetadata() == null ? Map.of() : task.getMetadata();
        if (given.get("replayed") != null) {
            metadata.put("replayed", given.get("replayed"));
        }
        metadata.put("a2a_task_id", task.getId());
        TaskState state = task.getStatus().state();
        if (state == TaskState.COMPLETED) {
            List<Part<?>> parts = task.getArtifacts() == null || task.getArtifacts().isEmpty() ? List.of()
                    : task.getArtifacts().get(0).parts();
            return new AgentClient.Reply(AgentServiceResponse.success(request.requestId(), result(parts),
                    number(given.get("execution_time")), metadata), false);
        }
        if (!state.isFinal()) {
            return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.TIMEOUT, service + "."
                    + request.operation() + " is still " + state.asString()), true);
        }
        ErrorCode code = ErrorCode.fromName(String.valueOf(given.get("error_code")),
                state == TaskState.REJECTED ? ErrorCode.VALIDATION_ERROR : ErrorCode.UPSTREAM_ERROR);
        String why = task.getStatus().message() == null ? service + " answered " + state.asString()
                : text(task.getStatus().message().getParts());
        return new AgentClient.Reply(AgentServiceResponse.failure(request.requestId(), code, why, null,
                number(given.get("execution_time")), metadata), AgentClient.outcomeUnknown(code));
    }

    private AgentClient.Reply failed(String service, String cardUrl, AgentServiceRequest request, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                registry.markUnreachable(cardUrl, String.valueOf(cause.getMessage()));
                log.warn("{} refused the connection (request_id {})", service, request.requestId());
                return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.UPSTREAM_UNAVAILABLE,
                        service + " refused the connection"), false);
            }
            if (cause instanceof InvalidParamsError invalid) {
                return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.VALIDATION_ERROR,
                        service + " refused the parameters: " + invalid.getMessage()), false);
            }
            if (cause instanceof JSONRPCError rpc) {
                return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.UPSTREAM_ERROR,
                        service + " answered an error: " + rpc.getMessage()), true);
            }
        }
        log.warn("{} failed over A2A (request_id {}): {}", service, request.requestId(),
                error instanceof A2AClientException ? error.getMessage() : String.valueOf(error));
        return new AgentClient.Reply(AgentClient.failure(request, ErrorCode.UPSTREAM_ERROR,
                service + " failed to answer over A2A"), true);
    }

    /** A part list as a result: the first DataPart's object, else the text. */
    private static Object result(List<Part<?>> parts) {
        return parts.stream().filter(DataPart.class::isInstance).map(part -> (Object) ((DataPart) part).getData())
                .findFirst().orElseGet(() -> Map.of("text", text(parts)));
    }

    private static String text(List<Part<?>> parts) {
        return parts.stream().filter(TextPart.class::isInstance).map(part -> ((TextPart) part).getText())
                .collect(Collectors.joining("\n"));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
