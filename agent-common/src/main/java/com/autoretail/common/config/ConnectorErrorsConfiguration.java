package com.autoretail.common.config;

import com.autoretail.common.web.ConnectorErrorValve;
import com.autoretail.common.web.ErrorResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every service's Tomcat reports what it refuses itself (before any filter) through the {@link ConnectorErrorValve},
 * in the contract's JSON, in place of the HTML error page of Tomcat's own {@link ErrorReportValve}.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Tomcat.class)
public class ConnectorErrorsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorErrorValve(
            ObjectProvider<ErrorResponses> errors, ObjectMapper mapper) {
        return new Customizer(errors.getIfAvailable(() -> new ErrorResponses(mapper)));
    }

    /** After Spring Boot's customizers, which add Tomcat's HTML error valve to the host: that one is taken out. */
    private record Customizer(ErrorResponses errors) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // the host adds a valve of this class when it starts unless it already has one
                host.setErrorReportValveClass(ConnectorErrorValve.class.getName());
                host.getPipeline().addValve(new ConnectorErrorValve(errors));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
