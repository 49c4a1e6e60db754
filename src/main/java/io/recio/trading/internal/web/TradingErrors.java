package io.recio.trading.internal.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Trading's REST errors as JSON: 400 naming the field for bad input. */
@RestControllerAdvice(basePackageClasses = TradingErrors.class)
class TradingErrors {

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, Object>> bad(BadRequest e) {
        return ResponseEntity.badRequest().body(error(e.field(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(error(e.getName(),
                e.getName() + " '" + e.getValue() + "' is not valid"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(error("body",
                "the request body is not valid JSON of the expected shape"));
    }

    /** The web module's error shape, with the offending field: {@code {"error": {"code", "field", "message"}}}. */
    private static Map<String, Object> error(String field, String message) {
        return Map.of("error", Map.of("code", "invalid", "field", field, "message", message));
    }
}
