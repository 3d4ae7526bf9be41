package com.autoretail.common.agent;

import com.autoretail.common.security.Caller;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.tasks.TaskRegistry;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.web.RequestBodyErrors;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.TaskAccepted;
import com.autoretail.common.wire.TaskStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The agent contract's endpoints, around the application's {@link BaseAgentService}. */
@RestController
public class AgentController {

    private final BaseAgentService agent;
    private final OperationRunner runner;
    private final TaskRegistry tasks;
    private final CallbackPolicy callbacks;
    private final String version;
    private final SecurityMode security;

    public AgentController(BaseAgentService agent, OperationRunner runner, TaskRegistry tasks,
                           CallbackPolicy callbacks, String version, SecurityMode security) {
        this.security = security;
        this.agent = agent;
        this.runner = runner;
        this.tasks = tasks;
        this.callbacks = callbacks;
        this.version = version;
    }

    @GetMapping("/health")
    ResponseEntity<?> health() {
        Map<String, AgentHealth.Dependency> checked = agent.checkDependencies();
        // a caller without a role of the fleet sees each dependency's status, not its address or error
        Map<String, AgentHealth.Dependency> dependencies = Caller.current().seesDetails() ? checked
                : checked.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new AgentHealth.Dependency(e.getValue().status(), null, e.getValue().tools(), null),
                        (a, b) -> a, LinkedHashMap::new));
        boolean up = dependencies.entrySet().stream()
                .allMatch(dependency -> dependency.getValue().isUp() || !agent.requires(dependency.getKey()));
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        AgentHealth health = new AgentHealth(up ? AgentHealth.UP : AgentHealth.DOWN, agent.info().serviceName(),
                version, uptime, dependencies, security.wireName());
        HttpStatus status = up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        Map<String, Object> details = agent.healthDetails(dependencies);
        if (details.isEmpty()) {
            return ResponseEntity.status(status).body(health);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.status());
        body.putAll(details);
        body.put("service", health.service());
        body.put("version", health.version());
        body.put("uptime_seconds", health.uptimeSeconds());
        body.put("dependencies", health.dependencies());
        body.put("security", health.security());
        return ResponseEntity.status(status).body(body);
    }

    @GetMapping("/capabilities")
    Capabilities capabilities() {
        List<OperationSpec> operations = agent.getAvailableOperations();
        List<String> mcpTools = operations.stream()
                .filter(op -> op.source() == OperationSource.MCP)
                .map(OperationSpec::name)
                .toList();
        AgentInfo info = agent.info();
        return new Capabilities(info.serviceName(), info.serviceKey(), info.description(), version, operations,
                mcpTools);
    }

    @PostMapping("/execute")
    ResponseEntity<AgentServiceResponse> execute(@RequestBody AgentServiceRequest request) {
        return respond(runner.execute(request));
    }

    @PostMapping("/execute-async")
    ResponseEntity<?> executeAsync(@RequestBody AgentServiceRequest body) {
        AgentServiceRequest request = runner.withDefaults(body);
        Optional<String> refusal = request.callbackUrl() == null ? Optional.empty()
                : callbacks.refusal(request.callbackUrl());
        if (refusal.isPresent()) {
            return respond(AgentServiceResponse.failure(request.requestId(), ErrorCode.VALIDATION_ERROR,
                    "callback_url: " + refusal.get(),
                    Map.of("errors", List.of(new FieldError("callback_url", refusal.get()))),
                    0, Map.of("service", agent.info().serviceName())));
        }
        String taskId = tasks.submit(() -> runner.execute(request), response -> {
            if (request.callbackUrl() != null) {
                agent.sendCallback(request.callbackUrl(), response);
            }
        });
        return ResponseEntity.accepted().body(TaskAccepted.of(taskId, request.requestId()));
    }

    @GetMapping("/status/{taskId}")
    TaskStatus status(@PathVariable String taskId) {
        return tasks.find(taskId).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                "No task " + taskId + " (unknown, or finished and forgotten)"));
    }

    /** A body that is not a readable request still gets the envelope, naming the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<AgentServiceResponse> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        FieldError error = RequestBodyErrors.describe(e);
        HttpStatus status = RequestBodyErrors.tooLarge(e) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return envelopeError(request, status, error);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<AgentServiceResponse> unsupported(HttpMediaTypeNotSupportedException e,
                                                     HttpServletRequest request) {
        return envelopeError(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                new FieldError("", "the body must be application/json"));
    }

    private ResponseEntity<AgentServiceResponse> envelopeError(HttpServletRequest request, HttpStatus status,
                                                               FieldError error) {
        AgentServiceResponse response = AgentServiceResponse.failure(ErrorResponses.requestId(request),
                ErrorCode.VALIDATION_ERROR, "Invalid request: " + error, Map.of("errors", List.of(error)), 0,
                Map.of("service", agent.info().serviceName()));
        return ResponseEntity.status(status).body(response);
    }

    private static ResponseEntity<AgentServiceResponse> respond(AgentServiceResponse response) {
        HttpStatusCode status = response.success() ? HttpStatus.OK : response.errorCode().httpStatus();
        return ResponseEntity.status(status).body(response);
    }
}
