package com.autoretail.common.security;

import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.wire.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The answers of a refused request, in the service's usual error shape ({@link ErrorResponses}: the envelope on
 * {@code /execute}, problem+json elsewhere): 401 {@code UNAUTHORIZED} when no valid credential came, 403
 * {@code FORBIDDEN} naming the roles the endpoint needs when a known credential lacks them. Neither says which keys
 * exist nor why a token failed beyond "invalid or expired".
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponses errors;
    private final boolean jwt;
    private final Function<HttpServletRequest, Set<String>> requiredRoles;

    SecurityErrors(ErrorResponses errors, boolean jwt, Function<HttpServletRequest, Set<String>> requiredRoles) {
        this.errors = errors;
        this.jwt = jwt;
        this.requiredRoles = requiredRoles;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String message;
        if (request.getHeader(ApiKeys.HEADER) != null) {
            message = "Wrong " + ApiKeys.HEADER + " header";
        } else if (bearer && jwt) {
            message = "Invalid or expired bearer token";
        } else if (bearer) {
            message = "This service accepts no bearer tokens: send " + ApiKeys.HEADER;
        } else {
            message = "Missing credentials: send " + ApiKeys.HEADER + (jwt ? " or a bearer token" : "");
        }
        if (jwt) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        errors.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Set<String> roles = new TreeSet<>(requiredRoles.apply(request));
        roles.add(Caller.ADMIN);
        String message = "The credential '" + Caller.current().name() + "' may not call " + request.getMethod() + " "
                + path(request) + ": it needs the role " + String.join(" or ", roles);
        errors.write(request, response, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, message);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).replaceAll("[\\r\\n]", "");
    }
}
