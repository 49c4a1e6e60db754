package io.recio.web.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the server-rendered pages show numbers and times: the same spelling as {@code console.js}'s formatting. */
final class Display {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss", Locale.US);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d, h:mm a", Locale.US);

    private Display() {
    }

    /** {@code $1,234.56}, {@code −$3.20}; a dash when unknown. */
    static String dollars(Money m) {
        if (m == null) {
            return "–";
        }
        BigDecimal d = BigDecimal.valueOf(Math.abs(m.units()), Money.SCALE).setScale(2, RoundingMode.HALF_UP);
        return (m.units() < 0 ? "−$" : "$") + String.format(Locale.US, "%,.2f", d);
    }

    /** {@code +$1.20}, {@code −$0.35}, {@code ±$0.00}. */
    static String signedDollars(Money m) {
        if (m == null) {
            return "–";
        }
        String sign = m.units() > 0 ? "+" : m.units() < 0 ? "" : "±";
        return sign + dollars(m);
    }

    /** A BTC or ETH price: {@code $94,123.45}. */
    static String spot(io.recio.market.SpotPrice p) {
        return p == null ? "–" : "$" + String.format(Locale.US, "%,.2f", new BigDecimal(p.toDollars(2)));
    }

    /** {@code 45¢}, {@code 45.5¢}. */
    static String cents(Price p) {
        if (p == null) {
            return "–";
        }
        BigDecimal c = BigDecimal.valueOf(p.units(), 2).stripTrailingZeros();
        return c.toPlainString() + "¢";
    }

    /** Edge per contract in cents with its sign: {@code +1.25¢}. */
    static String edge(Money m) {
        if (m == null) {
            return "–";
        }
        BigDecimal c = BigDecimal.valueOf(m.units(), 2).setScale(2, RoundingMode.HALF_UP);
        return (m.units() > 0 ? "+" : m.units() < 0 ? "−" : "±") + c.abs().toPlainString() + "¢";
    }

    /** Whole contracts as a plain number ({@code 3}, {@code 2.5}). */
    static String contracts(Count c) {
        if (c == null) {
            return "–";
        }
        return BigDecimal.valueOf(c.units(), Count.SCALE).stripTrailingZeros().toPlainString();
    }

    /** A probability 0..1 as {@code 95.2%}. */
    static String percent(Double p) {
        return p == null || p.isNaN() ? "–" : String.format(Locale.US, "%.1f%%", p * 100);
    }

    /** A share 0..1 as {@code 64%}. */
    static String share(Double p) {
        return p == null || p.isNaN() ? "–" : String.format(Locale.US, "%.0f%%", p * 100);
    }

    static String dateTime(Instant at, ZoneId zone) {
        return at == null ? "–" : DATE_TIME.format(at.atZone(zone));
    }

    static String hour(Instant at, ZoneId zone) {
        return at == null ? "–" : HOUR.format(at.atZone(zone));
    }

    /** good, bad or nothing: the colour of a signed amount. */
    static String tone(Money m) {
        return m == null || m.units() == 0 ? "" : m.units() > 0 ? "good" : "bad";
    }

    /** The last part of a market ticker, the strike ({@code T95099.99}). */
    static String strikeToken(String ticker) {
        int dash = ticker.lastIndexOf('-');
        return dash < 0 ? ticker : ticker.substring(dash + 1);
    }
}
