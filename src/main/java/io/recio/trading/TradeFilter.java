package io.recio.trading;

import io.recio.ApiProblem;
import io.recio.market.Side;
import io.recio.market.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which trades the History shows; every criterion is optional (null matches all).
 *
 * @param owner       only this user's trades (a plain user's history is always their own)
 * @param symbol      BTC or ETH
 * @param side        YES or NO
 * @param from        created at or after
 * @param to          created before
 * @param entryMethod manual, auto or external
 * @param result      WIN or LOSS (finished trades only)
 * @param status      the life-cycle state
 * @param ticker      a part of the market or event ticker, any case
 */
public record TradeFilter(String owner, Symbol symbol, Side side, Instant from, Instant to, EntryMethod entryMethod,
                          String result, TradeStatus status, String ticker) {

    /** Every trade of everyone. */
    public static final TradeFilter ALL = new TradeFilter(null, null, null, null, null, null, null, null, null);

    /** The query parameters that make a filter, as the History page and {@code /api/history/...} spell them. */
    public static final java.util.List<String> PARAMETERS = java.util.List.of("symbol", "side", "from", "to",
            "entry_method", "result", "status", "ticker");

    /** The longest ticker search accepted. */
    public static final int MAX_TICKER_SEARCH = 64;

    /**
     * Reads a filter from query parameters ({@link #PARAMETERS}; blank means "any"): {@code from} and {@code to} are
     * dates ({@code 2026-11-30}), both included, in {@code zone}.
     *
     * @throws ApiProblem naming the parameter that is wrong and what it allows
     */
    public static TradeFilter fromQuery(Function<String, String> parameter, ZoneId zone) {
        Symbol symbol = choice(parameter, "symbol", Symbol.class);
        Side side = choice(parameter, "side", Side.class);
        LocalDate from = date(parameter, "from");
        LocalDate to = date(parameter, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badInput("to", "to (" + to + ") is before from (" + from + ")");
        }
        EntryMethod method = choice(parameter, "entry_method", EntryMethod.class);
        String result = text(parameter, "result");
        if (result != null) {
            result = result.toUpperCase(Locale.ROOT);
            if (!result.equals("WIN") && !result.equals("LOSS")) {
                throw ApiProblem.badInput("result", "result must be WIN or LOSS, not '" + shorten(result) + "'");
            }
        }
        TradeStatus status = choice(parameter, "status", TradeStatus.class);
        String ticker = text(parameter, "ticker");
        if (ticker != null && ticker.length() > MAX_TICKER_SEARCH) {
            throw ApiProblem.badInput("ticker", "ticker search must be at most " + MAX_TICKER_SEARCH + " characters");
        }
        return new TradeFilter(null, symbol, side, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), method, result, status, ticker);
    }

    private static String text(Function<String, String> parameter, String name) {
        String v = parameter.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static <E extends Enum<E>> E choice(Function<String, String> parameter, String name, Class<E> type) {
        String v = text(parameter, name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput(name, name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + shorten(v) + "'");
        }
    }

    private static LocalDate date(Function<String, String> parameter, String name) {
        String v = text(parameter, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput(name, name + " must be a date like 2026-11-30, not '" + shorten(v) + "'");
        }
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** The same filter, limited to one owner's trades. */
    public TradeFilter ownedBy(String user) {
        return new TradeFilter(user, symbol, side, from, to, entryMethod, result, status, ticker);
    }
}
