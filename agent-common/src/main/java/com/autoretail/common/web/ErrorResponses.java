package com.autoretail.common.web;

import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes errors found before a request reaches a controller (a filter's refusal) in the contract's shape: the
 * {@code AgentServiceResponse} envelope on {@code /execute} and {@code /execute-async}, RFC 9457
 * {@code application/problem+json} everywhere else.
 */
public class ErrorResponses {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final ObjectMapper mapper;

    public ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static boolean isExecutePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/execute") || path.equals("/execute-async");
    }

    /** The request id a problem reports: the caller's {@code X-Request-Id}, else a new one. */
    public static String requestId(HttpServletRequest request) {
        String given = request.getHeader(REQUEST_ID_HEADER);
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    /** A problem about this request: its {@code request_id}, and its path as the {@code instance}. */
    public static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("request_id", requestId(request));
        problem.setInstance(instance(request));
        return problem;
    }

    /**
     * The request's path as a problem's {@code instance}. Tomcat lets some characters through unencoded (curl sends
     * "{id}" as it is), which a {@link URI} refuses; they are encoded here, where Spring's own
     * {@code URI.create} would fail the error's answer with a 500. Null when Tomcat could not read the path at all.
     */
    public static URI instance(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        }
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      ErrorCode code, String message) throws IOException {
        response.setStatus(status.value());
        if (isExecutePath(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(),
                    AgentServiceResponse.failure(requestId(request), code, message, null, 0, Map.of()));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            ProblemDetail problem = problem(status, message, request);
            problem.setProperty("error_code", code.name());
            mapper.writeValue(response.getOutputStream(), problem);
        }
    }
}
