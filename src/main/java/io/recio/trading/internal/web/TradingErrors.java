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
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", e.field(), "message", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", e.getName(),
                "message", e.getName() + " '" + e.getValue() + "' is not valid"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid", "field", "body",
                "message", "the request body is not valid JSON of the expected shape"));
    }
}
