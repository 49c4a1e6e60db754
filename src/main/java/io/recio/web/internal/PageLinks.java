package io.recio.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The pages' links are written as they are in the templates. Spring Boot switches the resource chain on because the
 * web-jar locator is present (so {@code /webjars/chart.js/dist/chart.umd.js} needs no version), and with it a filter
 * that passes every link of every rendered page through the resource resolvers: a link that is no static file (the
 * navigation, sign-out) is looked up in every static location of the jar, uncached, on each render, and that was most
 * of the Monitor page's CPU time (bench/load.sh). recio uses no versioned resource URLs, so the filter only cost.
 * The web jars still resolve without a version when they are served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageLinks {

    /** Declared disabled so that Spring Boot registers none of its own (it backs off when one is declared). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
