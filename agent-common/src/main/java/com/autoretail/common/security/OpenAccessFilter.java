package com.autoretail.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A service without credentials is open: every request is {@link Caller#OPEN}, with every role, so that what asks
 * for a role (health details, a workflow's owner) answers as the local default always has.
 */
final class OpenAccessFilter extends OncePerRequestFilter {

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    /** The same for every request, so built once (nothing sets its details or authenticated flag afterwards). */
    private final CallerAuthentication open = new CallerAuthentication(Caller.OPEN);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(open);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
