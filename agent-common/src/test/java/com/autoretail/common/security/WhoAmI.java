package com.autoretail.common.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An endpoint of an application's own, for the viewer role, that answers who called it as {@link Caller} reads it;
 * and a public one (as a web page's static files are), open to GET only.
 */
@Configuration(proxyBeanMethods = false)
class WhoAmI {

    @Bean
    EndpointAccess whoAmIAccess() {
        return EndpointAccess.of(HttpMethod.GET, List.of("/whoami"), Caller.VIEWER);
    }

    @Bean
    EndpointAccess publicPageAccess() {
        return EndpointAccess.open(HttpMethod.GET, List.of("/page/**"));
    }

    /** Registered as a member of its configuration. */
    @RestController
    static class Endpoint {
        @GetMapping("/whoami")
        Caller whoAmI() {
            return Caller.current();
        }

        @GetMapping("/page/index")
        Caller page() {
            return Caller.current();
        }

        @PostMapping("/page/index")
        Caller pagePost() {
            return Caller.current();
        }
    }
}
