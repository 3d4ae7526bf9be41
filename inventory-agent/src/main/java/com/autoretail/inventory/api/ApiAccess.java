package com.autoretail.inventory.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The REST API is for the fleet's services (the sales agent) with the service key; a chat key reaches none of it. */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    @Bean
    EndpointAccess inventoryRestAccess() {
        return EndpointAccess.any(List.of("/inventory/**", "/availability/**", "/hold", "/hold/**"), Caller.SERVICE);
    }
}
