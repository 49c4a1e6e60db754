package io.recio.web.internal;

import io.recio.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one way recio's API refuses a request: every error, from any module's controller, becomes an RFC 9457
 * problem {@code {"status", "title", "detail", "code", "field"?}} whose detail names what was wrong and what
 * is allowed, in the words of the wire (never a Java class). Anything unexpected is a 500 that says only
 * which log line to read. Errors raised before a controller is chosen (no route, wrong method) reach
 * {@link ErrorPage}, which answers API paths in the same shape.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
        return answer(HttpStatus.valueOf(e.status()), e.code(), e.field(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return invalid(e.getName(), e.getName() + " '" + e.getValue() + "' is not " + expected(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return invalid(e.getParameterName(), e.getParameterName() + " is required");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> validation(HandlerMethodValidationException e) {
        var first = e.getParameterValidationResults().getFirst();
        String field = first.getMethodParameter().getParameterName();
        String why = first.getResolvableErrors().getFirst().getDefaultMessage();
        return invalid(field == null ? "request" : field, (field == null ? "" : field + " ") + why);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return switch (e.getMostSpecificCause()) {
            case UnrecognizedPropertyException u -> invalid(path(u), "unknown field '" + u.getPropertyName()
                    + "'; allowed: " + known(u.getKnownPropertyIds()));
            case InputCoercionException c -> invalid(path(c), path(c) + " is out of range");
            case MismatchedInputException m when !m.getPath().isEmpty() ->
                    invalid(path(m), path(m) + " must be " + expected(m.getTargetType()));
            case StreamReadException r -> invalid("body", "the request body is not valid JSON (line "
                    + r.getLocation().getLineNr() + ", column " + r.getLocation().getColumnNr() + ")");
            default -> invalid("body", e.getMessage() != null && e.getMessage().startsWith("Required request body")
                    ? "the request body is missing" : "the request body is not JSON of the expected shape");
        };
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "too_large", "body", "the upload is larger than allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                "send the body as application/json");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, "forbidden", null, "your role may not do this");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatusCode code = e.getStatusCode();
        return answer(HttpStatus.valueOf(code.value()), code.is4xxClientError() ? "invalid" : "error", null,
                e.getReason() == null ? HttpStatus.valueOf(code.value()).getReasonPhrase() : e.getReason());
    }

    /** The database went away (a connection not had within the pool's timeout, or cut): a 503 to try again, not a 500. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            RecoverableDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseAway(DataAccessException e, HttpServletRequest request) {
        log.warn("database unavailable answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", null,
                "the database does not answer; recio is waiting for it, try again shortly");
    }

    /**
     * The client went away while the answer was being written (a closed tab, a script's timeout): nobody is left to
     * read an answer, and it is no error of recio's (under load this was a stack trace per abandoned request).
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void gone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("client left before {} {} was answered: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected error {} answering {} {}", ref, request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null,
                "recio could not answer this request; the log has the details under reference " + ref);
    }

    /** The problem body, also used by the security layer's 401/403 so that those look the same. */
    static ProblemDetail body(HttpStatus status, String code, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("about:blank"));
        p.setProperty("code", code);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String detail) {
        return answer(HttpStatus.BAD_REQUEST, "invalid", field, detail);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String code, String field, String detail) {
        return ResponseEntity.status(status).body(body(status, code, field, detail));
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "(none)" : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    /** What a value of this type looks like, in the words of JSON rather than Java. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (Set.of(Long.class, long.class, Integer.class, int.class, Short.class, short.class, BigInteger.class)
                .contains(type)) {
            return "a whole number";
        }
        if (Set.of(Double.class, double.class, Float.class, float.class, BigDecimal.class).contains(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants()).stream().map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }
}
