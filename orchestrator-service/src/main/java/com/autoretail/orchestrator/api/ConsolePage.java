package com.autoretail.orchestrator.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console: static files in the jar ({@code static/console/}: a page, plain ES modules, a style sheet),
 * served at {@code /console/}; {@code /console} redirects there so that the page's relative links resolve.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePage implements WebMvcConfigurer {

    static final String PATH = "/console";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController(PATH, PATH + "/");
        registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
    }
}
