package com.autoretail.sales.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The customer chat is the chat key's ({@code SALES_CHAT_API_KEY}), or anyone's with {@code SALES_CHAT_PUBLIC=true};
 * it grants nothing else, and the agent contract stays the fleet's.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    @Bean
    EndpointAccess chatAccess() {
        return EndpointAccess.any(List.of("/api/**"), Caller.CHAT);
    }
}
