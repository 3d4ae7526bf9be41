package com.autoretail.common.web;

import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * Answers every error outside {@code /execute} as RFC 9457 {@code application/problem+json} with a
 * {@code request_id}, and never with a stack trace: Spring MVC's own exceptions, {@link ProblemException}s (an
 * agent's failures with their code's status among them), bodies over the size limit (413), and anything unexpected
 * (500, logged).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail problem = ErrorResponses.problem(e.status(), e.getMessage(), request);
        if (e.title() != null) {
            problem.setTitle(e.title());
        }
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        ProblemDetail problem = ErrorResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, null, request);
        Object requestId = problem.getProperties().get("request_id");
        log.error("Unexpected error (request_id {})", requestId, e);
        problem.setDetail("Internal error; see the service's log for request_id " + requestId);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyErrors.tooLarge(ex)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    RequestBodyErrors.describe(ex).toString());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Unreadable request body: " + RequestBodyErrors.describe(ex));
        problem.setProperty("errors", List.of(RequestBodyErrors.describe(ex)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalid(ex, RequestBodyErrors.describe(ex), headers, request);
    }

    /** A parameter of the wrong type: a 400 naming it, as the contract's validation errors do. */
    private ResponseEntity<Object> invalid(Exception ex, FieldError error, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                error.field() + ": " + error.message());
        problem.setProperty("error_code", ErrorCode.VALIDATION_ERROR.name());
        problem.setProperty("errors", List.of(error));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            problem.setProperty("request_id", ErrorResponses.requestId(servletRequest));
            if (problem.getInstance() == null) {
                problem.setInstance(ErrorResponses.instance(servletRequest));
            }
        }
        return response;
    }
}
