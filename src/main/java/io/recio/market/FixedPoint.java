package io.recio.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact conversion between decimal strings and scaled longs, shared by the fixed-point value types. */
final class FixedPoint {

    private FixedPoint() {
    }

    /**
     * Parses a decimal string into a long of {@code 10^-scale} units.
     *
     * @throws IllegalArgumentException naming {@code what} when the text is not a number or has more decimals
     */
    static long parse(String text, int scale, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " '" + text + "' has more than " + scale + " decimals");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a decimal number");
        }
    }

    static String format(long units, int scale) {
        return BigDecimal.valueOf(units, scale).toPlainString();
    }
}
