package io.recio.kalshi;

/** How long an order may rest: Kalshi has no market orders, so takers use IOC or FOK with a worst price. */
public enum TimeInForce {
    IMMEDIATE_OR_CANCEL("immediate_or_cancel"),
    FILL_OR_KILL("fill_or_kill"),
    GOOD_TILL_CANCELED("good_till_canceled");

    private final String wire;

    TimeInForce(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
