package io.recio.market;

/**
 * A Kalshi market: its event ticker, a dash, and the strike token, e.g.
 * {@code KXBTCD-26SEP2516-T92799.99} (T = threshold, B = bucket of a range series).
 */
public record MarketTicker(EventTicker event, String strikeToken) {

    public MarketTicker {
        if (event == null) {
            throw new IllegalArgumentException("market ticker needs an event");
        }
        if (strikeToken == null || !strikeToken.matches("[TB]\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("strike token '" + strikeToken + "' is not T<number> or B<number>");
        }
    }

    /** The threshold market of an above/below event, e.g. {@code T92799.99} for a floor of 92799.99. */
    public static MarketTicker threshold(EventTicker event, SpotPrice floor) {
        String number = floor.toDollars(2);
        if (number.endsWith(".00")) {
            number = number.substring(0, number.length() - 3);
        }
        return new MarketTicker(event, "T" + number);
    }

    /** Parses {@code KXBTCD-26SEP2516-T92799.99}. */
    public static MarketTicker parse(String ticker) {
        if (ticker == null) {
            throw new IllegalArgumentException("market ticker is missing");
        }
        int last = ticker.lastIndexOf('-');
        if (last <= 0) {
            throw new IllegalArgumentException("market ticker '" + ticker + "' is not EVENT-STRIKE");
        }
        return new MarketTicker(EventTicker.parse(ticker.substring(0, last)), ticker.substring(last + 1));
    }

    /** The number in the strike token, e.g. 92799.99 for {@code T92799.99}. */
    public SpotPrice tokenValue() {
        return SpotPrice.parse(strikeToken.substring(1));
    }

    @Override
    public String toString() {
        return event + "-" + strikeToken;
    }
}
