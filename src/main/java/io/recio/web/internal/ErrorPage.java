package io.recio.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen before a controller is chosen (no such route, a method the route does not take) or
 * outside one: API paths get the same problem shape as {@link ApiErrors}, pages get a page that says
 * what happened, never a stack trace.
 */
@Controller
class ErrorPage implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            // An API client that accepts HTML still gets the problem shape, through the JSON handler below.
            return "forward:/error/problem";
        }
        model.addAttribute("status", status.value());
        model.addAttribute("message", message(status, uri(request)));
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiErrors.body(status, code(status), null, message(status, uri(request))));
    }

    @RequestMapping("/error/problem")
    ResponseEntity<ProblemDetail> forwardedProblem(HttpServletRequest request) {
        return problem(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        String uri = uri(request);
        return uri.startsWith("/api/") || uri.startsWith("/actuator/");
    }

    private static String uri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> status.is4xxClientError() ? "invalid" : "internal_error";
        };
    }

    private static String message(HttpStatus status, String uri) {
        return switch (status) {
            case NOT_FOUND -> "nothing at " + uri;
            case METHOD_NOT_ALLOWED -> uri + " does not take this method";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case UNAUTHORIZED -> "sign in first";
            case FORBIDDEN -> "your role may not do this";
            default -> status.is4xxClientError() ? status.getReasonPhrase()
                    : "recio could not answer this request; the log has the details";
        };
    }
}
