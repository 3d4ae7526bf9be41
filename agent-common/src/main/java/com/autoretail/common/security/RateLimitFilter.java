package com.autoretail.common.security;

import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.wire.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Requests per caller, each caller with a Resilience4j {@link RateLimiter} of its own: a named credential by its name,
 * the customer chat's credential per credential and client address (one key serves every customer), and a caller
 * nobody authenticated by its client address. Another service of the fleet (an authenticated caller with the
 * {@code service} role) and the health checks are not limited. Past its limit a caller gets {@code 429}
 * {@code RATE_LIMITED} with {@code Retry-After}, in the service's usual error shape. The limiters live in a cache
 * bounded in size and idle time, so a flood of new addresses cannot grow memory without bound.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final Settings settings;
    private final ErrorResponses errors;
    private final RateLimiterConfig credentialConfig;
    private final RateLimiterConfig anonymousConfig;
    private final Cache<String, RateLimiter> limiters;

    /**
     * @param period        the window each limit counts in
     * @param perCredential requests per period of one named credential
     * @param anonymous     requests per period of one client address nobody authenticated (and of one address
     *                      on the customer chat's credential)
     * @param maxTracked    the most callers whose limiters are kept; the least recently seen go first
     */
    public record Settings(Duration period, int perCredential, int anonymous, long maxTracked) {
    }

    public RateLimitFilter(Settings settings, ErrorResponses errors) {
        this.settings = settings;
        this.errors = errors;
        this.credentialConfig = config(settings.period(), settings.perCredential());
        this.anonymousConfig = config(settings.period(), settings.anonymous());
        this.limiters = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .expireAfterAccess(settings.period().multipliedBy(2).plusSeconds(60)).build();
    }

    private static RateLimiterConfig config(Duration period, int limit) {
        return RateLimiterConfig.custom().limitRefreshPeriod(period).limitForPeriod(limit)
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/health") || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current();
        String key = key(caller, request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean perAddress = !key.startsWith("credential:");
        RateLimiter limiter = limiters.get(key,
                name -> RateLimiter.of(name, perAddress ? anonymousConfig : credentialConfig));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (settings.period().toMillis() + 999) / 1000);
        log.warn("Rate limit reached by {} on {} {}", key, request.getMethod(), request.getRequestURI());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                "Too many requests; retry after " + retryAfter + " s");
    }

    /** How many callers' limiters are kept now (bounded by {@link Settings#maxTracked()}). */
    long trackedCallers() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }

    /** Whose limit the request counts against; null for another service of the fleet, which is not limited. */
    static String key(Caller caller, HttpServletRequest request) {
        if (caller.equals(Caller.OPEN)) {
            return "address:" + request.getRemoteAddr();
        }
        if (caller.roles().contains(Caller.SERVICE)) {
            return null;
        }
        if (caller.roles().contains(Caller.CHAT)) {
            return "chat:" + caller.name() + "@" + request.getRemoteAddr();
        }
        return "credential:" + caller.name();
    }
}
