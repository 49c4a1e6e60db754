package io.recio.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Reads the CSRF token from the {@code X-CSRF-TOKEN} header or a form field, never from the query string: a token
 * in a URL ends up in proxy logs, browser history and {@code Referer} headers. A request whose query string carries
 * the token is refused even if the header or body also has one. Otherwise Spring's default (BREACH-masked) handling.
 */
final class HeaderOrFormCsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        delegate.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        if (inQuery(request.getQueryString(), token.getParameterName())) {
            return null;
        }
        return delegate.resolveCsrfTokenValue(request, token);
    }

    static boolean inQuery(String query, String name) {
        return query != null && Arrays.stream(query.split("&"))
                .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8))
                .anyMatch(name::equals);
    }
}
