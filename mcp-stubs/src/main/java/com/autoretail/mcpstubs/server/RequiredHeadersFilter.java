package com.autoretail.mcpstubs.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request to the MCP endpoint (POST, GET and DELETE alike) that lacks one of the
 * stub's business headers, with 401 and a problem body naming the missing headers. Not 400: the MCP
 * client reads a 400 on a request with a session id as "session not found" and stays broken.
 */
final class RequiredHeadersFilter extends OncePerRequestFilter {

    private final String endpoint;

    private final List<String> requiredHeaders;

    RequiredHeadersFilter(String endpoint, List<String> requiredHeaders) {
        this.endpoint = endpoint;
        this.requiredHeaders = List.copyOf(requiredHeaders);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(this.endpoint) || path.startsWith(this.endpoint + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> missing = this.requiredHeaders.stream()
            .filter(header -> isBlank(request.getHeader(header)))
            .toList();
        if (missing.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Unauthorized");
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", "Missing required header(s): " + String.join(", ", missing));
        problem.put("instance", request.getRequestURI());
        problem.put("missing_headers", missing);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(StubJson.write(problem));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
