package io.recio.market;

import java.util.Locale;

/** An underlying recio trades contracts on, with the names each venue gives it. */
public enum Symbol {
    BTC("KXBTCD", "KXBTC", "BTC-USD", "BRTI"),
    ETH("KXETHD", "KXETH", "ETH-USD", "ETHUSD_RTI");

    private final String aboveBelowSeries;
    private final String rangeSeries;
    private final String coinbaseProduct;
    private final String cfBenchmarksIndex;

    Symbol(String aboveBelowSeries, String rangeSeries, String coinbaseProduct, String cfBenchmarksIndex) {
        this.aboveBelowSeries = aboveBelowSeries;
        this.rangeSeries = rangeSeries;
        this.coinbaseProduct = coinbaseProduct;
        this.cfBenchmarksIndex = cfBenchmarksIndex;
    }

    /** Kalshi's hourly "above the strike at the close?" series, e.g. {@code KXBTCD}. */
    public String aboveBelowSeries() {
        return aboveBelowSeries;
    }

    /** Kalshi's hourly range series, e.g. {@code KXBTC}. */
    public String rangeSeries() {
        return rangeSeries;
    }

    /** Coinbase's product id, e.g. {@code BTC-USD}. */
    public String coinbaseProduct() {
        return coinbaseProduct;
    }

    /** CF Benchmarks' real-time index Kalshi settles on, e.g. {@code BRTI}. */
    public String cfBenchmarksIndex() {
        return cfBenchmarksIndex;
    }

    /** Parses "btc", "BTC", "BTC-USD" or a series ticker such as "KXBTCD". */
    public static Symbol parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("symbol is missing; expected BTC or ETH");
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Symbol s : values()) {
            if (s.name().equals(t) || s.coinbaseProduct.equals(t) || s.aboveBelowSeries.equals(t)
                    || s.rangeSeries.equals(t) || s.cfBenchmarksIndex.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown symbol '" + text + "'; expected BTC or ETH");
    }

    /** The symbol whose Kalshi series begins the given event or market ticker. */
    public static Symbol ofSeries(String series) {
        for (Symbol s : values()) {
            if (s.aboveBelowSeries.equals(series) || s.rangeSeries.equals(series)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown series '" + series + "'; expected one of KXBTCD, KXBTC, KXETHD, KXETH");
    }
}
