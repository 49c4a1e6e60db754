package io.recio.web.internal;

import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits every API call that changes something (any method but GET, HEAD and OPTIONS): the kill switch, manual
 * trades and closes, settings, restarts, users, tokens, credentials, and whatever route is added later. The line
 * names the route as declared ({@code POST /api/trades/{id}/close}), the path called, the caller (and token),
 * the address, the outcome by status, and what the handler said it did ({@link AuditLog#DETAIL}). Bodies are
 * never recorded: they may hold passwords or keys.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiAudit implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditLog audit;

    ApiAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (READS.contains(request.getMethod()) || !(handler instanceof HandlerMethod)) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        AuditEntry.Outcome outcome = status < 400 ? AuditEntry.Outcome.OK
                : status < 500 ? AuditEntry.Outcome.REFUSED : AuditEntry.Outcome.FAILED;
        Object did = request.getAttribute(AuditLog.DETAIL);
        String detail = (did != null ? did + "; " : "") + "answered " + status + via(request);
        audit.record(actor(request.getUserPrincipal()), request.getMethod() + " " + (pattern != null ? pattern
                : request.getRequestURI()), request.getRequestURI(), outcome, detail, request.getRemoteAddr());
    }

    private static String actor(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    private static String via(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof BearerAuthentication b
                ? " (API token " + b.bearer().tokenId() + ", scope " + b.bearer().scope().wire() + ")" : "";
    }
}
