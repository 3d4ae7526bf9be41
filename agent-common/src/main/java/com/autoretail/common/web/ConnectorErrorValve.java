package com.autoretail.common.web;

import com.autoretail.common.wire.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * The error page of what Tomcat refuses before any filter or controller sees it (a URI it will not decode, such as
 * an encoded slash or a NUL, a malformed header, a method it does not know), in the contract's shape instead of
 * Tomcat's HTML: the {@code AgentServiceResponse} envelope on {@code /execute} and {@code /execute-async}, RFC 9457
 * {@code application/problem+json} elsewhere. It says only the status's reason: what Tomcat's message carries comes
 * from the request and stays in the log.
 */
public class ConnectorErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ConnectorErrorValve.class);

    private final ErrorResponses errors;

    public ConnectorErrorValve(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // an answer already written (a controller's or a filter's) stands; setErrorReported: only one valve reports
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus reported = known != null ? known
                : status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        // the request's fault, but for a failure of the server itself
        ErrorCode code = reported.is5xxServerError() && reported != HttpStatus.HTTP_VERSION_NOT_SUPPORTED
                ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_ERROR;
        log.debug("Tomcat refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), status,
                response.getMessage());
        try {
            response.resetBuffer();
            errors.write(request, response, reported, code, "The request was refused: " + reported.getReasonPhrase());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error of {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }
}
