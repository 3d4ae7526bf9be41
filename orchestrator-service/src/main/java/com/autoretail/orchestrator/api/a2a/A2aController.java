package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.a2a.A2aProperties;
import com.autoretail.common.a2a.A2aProtocol;
import com.autoretail.common.a2a.AgentCards;
import com.autoretail.common.config.AgentProperties;
import com.autoretail.common.security.Caller;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.web.ProblemException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.api.RequestChecks;
import com.autoretail.orchestrator.workflow.OrchestratorRequest;
import com.autoretail.orchestrator.workflow.WorkflowApprovals;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.autoretail.orchestrator.workflow.WorkflowStatus;
import io.a2a.spec.CancelTaskRequest;
import io.a2a.spec.GetTaskRequest;
import io.a2a.spec.InvalidParamsError;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.MethodNotFoundError;
import io.a2a.spec.SendMessageRequest;
import io.a2a.spec.SendStreamingMessageRequest;
import io.a2a.spec.Task;
import io.a2a.spec.TaskNotCancelableError;
import io.a2a.spec.TaskNotFoundError;
import io.a2a.spec.TaskResubscriptionRequest;
import io.a2a.spec.TextPart;
import io.a2a.spec.UnsupportedOperationError;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The orchestrator's A2A card and JSON-RPC endpoint. A message's TextParts are a request in plain language that
 * becomes a workflow under the same rules, identities and policy as {@code /orchestrate} ({@code operator} role), its
 * request_id the metadata's {@code idempotency_key}, else the message id, so a message sent again answers the same
 * task. Reading a task (or following it again) is for those who may read the workflow, cancelling for approvers.
 */
@RestController
class A2aController {

    private final WorkflowService workflows;
    private final WorkflowApprovals approvals;
    private final CallbackPolicy callbacks;
    private final WorkflowTasks tasks;
    private final A2aStreams streams;
    private final A2aProperties properties;
    private final SecurityMode security;
    private final String version;

    A2aController(WorkflowService workflows, WorkflowApprovals approvals, CallbackPolicy callbacks,
                  WorkflowTasks tasks, A2aStreams streams, A2aProperties properties, SecurityMode security,
                  AgentProperties agent) {
        this.workflows = workflows;
        this.approvals = approvals;
        this.callbacks = callbacks;
        this.tasks = tasks;
        this.streams = streams;
        this.properties = properties;
        this.security = security;
        this.version = agent.version();
    }

    @GetMapping(value = A2aProtocol.CARD_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    String card() {
        return A2aProtocol.json(OrchestratorCard.card(AgentCards.baseUrl(properties), version, security));
    }

    /**
     * One JSON-RPC call; {@code message/stream} and {@code tasks/resubscribe} (a task's stream again, for those who
     * may read it: after an approval, or a connection lost) answer Server-Sent Events, written as the workflow goes on
     * (on this request's virtual thread), every other method one JSON body.
     */
    @PostMapping(A2aProtocol.ENDPOINT)
    void call(@RequestBody(required = false) String body, HttpServletResponse response) throws IOException {
        Object id = null;
        Caller caller = Caller.current();
        try {
            A2aProtocol.Call call = A2aProtocol.read(body);
            id = call.id();
            if (A2aProtocol.STREAM.equals(call.method())) {
                MessageSendParams params = call.params(SendStreamingMessageRequest.class).getParams();
                Task started = send(params, caller, false);
                streams.follow(id, started, params.message().getContextId(), caller, response);
                return;
            }
            if (A2aProtocol.RESUBSCRIBE.equals(call.method())) {
                streams.follow(id, task(call.params(TaskResubscriptionRequest.class).getParams().id(), caller), null,
                        caller, response);
                return;
            }
            write(response, A2aProtocol.result(id, switch (call.method()) {
                case A2aProtocol.SEND -> {
                    MessageSendParams params = call.params(SendMessageRequest.class).getParams();
                    boolean blocking = params.configuration() == null || params.configuration().blocking() == null
                            || params.configuration().blocking();
                    yield send(params, caller, blocking);
                }
                case A2aProtocol.GET_TASK -> task(call.params(GetTaskRequest.class).getParams().id(), caller);
                case A2aProtocol.CANCEL_TASK -> cancel(call.params(CancelTaskRequest.class).getParams().id(), caller);
                default -> throw A2aProtocol.NOT_OFFERED.contains(call.method())
                        ? new UnsupportedOperationError() : new MethodNotFoundError();
            }));
        } catch (JSONRPCError error) {
            write(response, A2aProtocol.error(id != null ? id : A2aProtocol.idOf(body), error));
        } catch (ProblemException problem) {
            write(response, A2aProtocol.error(id, A2aProtocol.fromProblem(problem)));
        }
    }

    private static void write(HttpServletResponse response, String json) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }

    /** Starts (or finds again) the message's workflow; waits for its end or its pause when {@code blocking}. */
    private Task send(MessageSendParams params, Caller caller, boolean blocking) {
        Message message = params.message();
        String text = message.getParts().stream().filter(TextPart.class::isInstance)
                .map(part -> ((TextPart) part).getText()).collect(Collectors.joining("\n"));
        if (text.isBlank()) {
            throw new InvalidParamsError("message.parts: a TextPart with the request in plain language is required");
        }
        if (!caller.has(Caller.OPERATOR)) {
            throw new AgentException(ErrorCode.FORBIDDEN, "Starting a workflow needs the " + Caller.OPERATOR
                    + " role");
        }
        Map<String, Object> metadata = message.getMetadata() == null ? Map.of() : message.getMetadata();
        String key = A2aProtocol.idempotencyKey(params);
        @SuppressWarnings("unchecked")
        Map<String, Object> context = metadata.get(A2aProtocol.CONTEXT) instanceof Map<?, ?> given
                ? (Map<String, Object>) given : null;
        OrchestratorRequest request = new OrchestratorRequest(key, text, null, null, context);
        String requestId = RequestChecks.checked(request, callbacks);
        try {
            if (blocking) {
                workflows.orchestrate(requestId, request, caller);
            } else {
                workflows.orchestrateAsync(requestId, request, caller);
            }
        } catch (ProblemException e) {
            // refused before it was a workflow (or the id is another request's): an error; else it is its task
            if (ErrorCode.IDEMPOTENCY_KEY_REUSED.name().equals(e.properties().get("error_code"))
                    || workflows.find(requestId, caller).isEmpty()) {
                throw e;
            }
        }
        return tasks.task(find(requestId, caller), message.getContextId());
    }

    private Task task(String requestId, Caller caller) {
        return tasks.task(find(requestId, caller), null);
    }

    /** A workflow that awaits approval is rejected (approvers only); one that runs or ended cannot be canceled. */
    private Task cancel(String requestId, Caller caller) {
        WorkflowStatus workflow = find(requestId, caller);
        if (workflow.status() != WorkflowStatus.Stage.AWAITING_APPROVAL) {
            throw new TaskNotCancelableError("Workflow " + requestId + " is " + workflow.status().wireName()
                    + ": only a workflow awaiting approval can be canceled (a running one ends by itself, and what "
                    + "it did is undone if it fails)");
        }
        return tasks.task(approvals.reject(requestId, caller, WorkflowTasks.CANCELED_BY_CLIENT), null);
    }

    private WorkflowStatus find(String requestId, Caller caller) {
        if (requestId == null) {
            throw new InvalidParamsError("id: the task id is required");
        }
        return workflows.find(requestId, caller).orElseThrow(TaskNotFoundError::new);
    }
}
