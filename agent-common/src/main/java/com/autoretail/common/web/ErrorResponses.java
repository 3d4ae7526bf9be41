package com.autoretail.common.web;

import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
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

    public static ProblemDetail problem(HttpStatus status, String detail, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("request_id", requestId);
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      ErrorCode code, String message) throws IOException {
        response.setStatus(status.value());
        String requestId = requestId(request);
        if (isExecutePath(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(),
                    AgentServiceResponse.failure(requestId, code, message, null, 0, Map.of()));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            ProblemDetail problem = problem(status, message, requestId);
            problem.setProperty("error_code", code.name());
            mapper.writeValue(response.getOutputStream(), problem);
        }
    }
}
