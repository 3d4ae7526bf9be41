package com.autoretail.sales.session;

import com.autoretail.sales.SalesProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/** The session store of {@code sales.sessions.store}: memory (the default) or Redis at {@code REDIS_URL}. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    // a message waits this long for the one before it in the same session; beyond, the customer is told to resend
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    @Bean
    SessionStore sessionStore(SalesProperties properties, ObjectProvider<StringRedisTemplate> redis,
                              ObjectMapper mapper) {
        SalesProperties.Sessions sessions = properties.sessions();
        return switch (sessions.store()) {
            case MEMORY -> new InMemorySessionStore(sessions.ttl(), sessions.maxSessions());
            case REDIS -> new RedisSessionStore(redis.getObject(), mapper, sessions.redisKeyPrefix(), sessions.ttl());
        };
    }

    @Bean
    SessionLocks sessionLocks() {
        return new SessionLocks(LOCK_WAIT);
    }
}
