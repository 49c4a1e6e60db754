package io.recio.kalshi;

/** The state of an order on Kalshi. */
public enum OrderStatus {
    RESTING,
    CANCELED,
    EXECUTED;

    public static OrderStatus parse(String text) {
        return switch (text == null ? "" : text) {
            case "resting" -> RESTING;
            case "canceled" -> CANCELED;
            case "executed" -> EXECUTED;
            default -> throw new IllegalArgumentException("unknown order status '" + text
                    + "'; expected resting, canceled or executed");
        };
    }
}
