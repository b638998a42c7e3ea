package com.acme.springsession;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application of the distributed-session benchmark rows: {@link CounterServlet} at {@code /count},
 * its session shared through Redis by Spring Session Data Redis with Spring Boot's defaults (the
 * {@code spring-boot-starter-session-data-redis} starter, nothing configured but the server's URL). Prints
 * {@code LISTENING <port>} once it takes requests. The harness runs the same jar with Spring Session's
 * auto-configuration excluded for its no-sharing line.
 */
@SpringBootApplication
public class CounterApplication {
    public static void main(String[] args) {
        SpringApplication.run(CounterApplication.class, args);
    }

    /** The same servlet as the Tomcat rows' application, so that the two differ only by what serves the session. */
    @Bean
    ServletRegistrationBean<CounterServlet> counter() {
        return new ServletRegistrationBean<>(new CounterServlet(), "/count");
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> announcePort() {
        return event -> {
            System.out.println("LISTENING " + event.getWebServer().getPort());
            System.out.flush();
        };
    }
}
