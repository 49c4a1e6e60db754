package io.recio.market;

/**
 * What a market pays on: its strike type with Kalshi's floor and cap ({@code floor_strike} is the
 * least value for YES, {@code cap_strike} the greatest). Absent bounds are null.
 */
public record Strike(StrikeType type, SpotPrice floor, SpotPrice cap) {

    public Strike {
        boolean needsFloor = type == StrikeType.GREATER || type == StrikeType.GREATER_OR_EQUAL
                || type == StrikeType.BETWEEN;
        boolean needsCap = type == StrikeType.LESS || type == StrikeType.LESS_OR_EQUAL || type == StrikeType.BETWEEN;
        if (needsFloor && floor == null) {
            throw new IllegalArgumentException(type.wire() + " strike needs floor_strike");
        }
        if (needsCap && cap == null) {
            throw new IllegalArgumentException(type.wire() + " strike needs cap_strike");
        }
        if (type == StrikeType.BETWEEN && floor.compareTo(cap) > 0) {
            throw new IllegalArgumentException("floor_strike " + floor + " is above cap_strike " + cap);
        }
    }

    /** KXBTCD/KXETHD's kind: YES when the settlement value is above {@code floor}. */
    public static Strike above(SpotPrice floor) {
        return new Strike(StrikeType.GREATER, floor, null);
    }

    /** Whether YES wins when the market settles at {@code value}. */
    public boolean paysYes(SpotPrice value) {
        return switch (type) {
            case GREATER -> value.compareTo(floor) > 0;
            case GREATER_OR_EQUAL -> value.compareTo(floor) >= 0;
            case LESS -> value.compareTo(cap) < 0;
            case LESS_OR_EQUAL -> value.compareTo(cap) <= 0;
            case BETWEEN -> value.compareTo(floor) >= 0 && value.compareTo(cap) <= 0;
        };
    }

    /** The one price that separates YES from NO for one-sided strikes (the floor, else the cap). */
    public SpotPrice reference() {
        return floor != null ? floor : cap;
    }
}
