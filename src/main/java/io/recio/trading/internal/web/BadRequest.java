package io.recio.trading.internal.web;

/** A request field that is missing or wrong; answered as 400 naming the field. */
class BadRequest extends RuntimeException {

    private final String field;

    BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
