package io.recio.backtest.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as HTML: SVG charts, no script, no inline style; its one stylesheet ({@link #STYLESHEET}) lies beside
 * it, so the file opens from disk and the console serves it under its content security policy. Nothing else is
 * fetched.
 */
final class Html {

    /** The stylesheet's file name, beside the report. */
    static final String STYLESHEET = "report.css";

    private Html() {
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String render(Report r) {
        Report.Summary s = r.summary();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>recio backtest ").append(escape(r.id())).append("</title>")
                // the stylesheet beside the report: no inline style, so the console serves it under its CSP
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">")
                // no icon to fetch: a page served by recio would otherwise ask for /favicon.ico
                .append("<link rel=\"icon\" href=\"data:,\"></head><body>");
        b.append("<h1>Backtest ").append(escape(r.symbol())).append(" ").append(escape(r.from().toString()))
                .append(" → ").append(escape(r.to().toString())).append("</h1>");
        b.append("<p class=\"muted\">run ").append(escape(r.id())).append(" · history ").append(escape(r.history()))
                .append(" · model ").append(escape(r.model())).append(" · seed ").append(r.seed())
                .append(" · made ").append(escape(r.createdAt().toString())).append("</p>");
        b.append("<div class=\"grid\">");
        kpi(b, "Trades", String.valueOf(s.trades()));
        kpi(b, "Win rate", s.winRate() == null ? "–" : percent(s.winRate()));
        kpi(b, "Net PnL", money(s.netPnl()));
        kpi(b, "Gross PnL", money(s.grossPnl()));
        kpi(b, "Fees", money(s.fees()));
        kpi(b, "Max drawdown", money(s.maxDrawdown()));
        kpi(b, "Avg / max exposure", money(s.averageExposure()) + " / " + money(s.maxExposure()));
        kpi(b, "Daily Sharpe", s.dailySharpe() == null ? "–" : String.format(Locale.ROOT, "%.2f", s.dailySharpe()));
        kpi(b, "Model Brier", r.forecasts().brier() == null ? "–"
                : String.format(Locale.ROOT, "%.4f", r.forecasts().brier()));
        kpi(b, "Hours traded / skipped", r.data().hoursTraded() + " / " + r.data().hoursSkipped());
        b.append("</div>");
        int n = r.equity().size();
        long[] xs = new long[n];
        double[] eq = new double[n];
        double[] dd = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.equity().get(i).at().getEpochSecond();
            eq[i] = r.equity().get(i).equity().doubleValue();
            dd[i] = r.equity().get(i).drawdown().doubleValue();
        }
        b.append("<h2>Charts</h2><div class=\"charts\">");
        figure(b, "Equity (net PnL, $)", Svg.line("equity curve", xs, eq, "#3867d6", false));
        figure(b, "Drawdown ($)", Svg.line("drawdown", xs, dd, "#c8453b", true));
        figure(b, "Reliability of the model", Svg.reliability("reliability diagram", r.forecasts().reliability()));
        List<String> labels = r.byProbability().stream().map(Report.Bucket::label).toList();
        double[] pnl = r.byProbability().stream().mapToDouble(k -> k.netPnl().doubleValue()).toArray();
        figure(b, "Net PnL by probability at entry ($)", Svg.bars("PnL by probability band", labels, pnl));
        b.append("</div>");
        buckets(b, "By probability of the side at entry", r.byProbability());
        buckets(b, "By minutes to the close at entry", r.byMinutesToClose());
        buckets(b, "By side", r.bySide());
        b.append("<h2>Model forecasts</h2><p>").append(r.forecasts().count())
                .append(" forecasts (every listed strike, once a minute): Brier ")
                .append(num(r.forecasts().brier(), 4)).append(", log loss ").append(num(r.forecasts().logLoss(), 4))
                .append(", expected calibration error ").append(num(r.forecasts().calibrationError(), 4)).append("</p>");
        b.append("<div class=\"wrap\"><table><tr><th>Forecast bin</th><th>Forecasts</th><th>Mean forecast</th>")
                .append("<th>Observed YES</th></tr>");
        for (Scores.Bin bin : r.forecasts().reliability()) {
            b.append("<tr><td>").append(String.format(Locale.ROOT, "%.1f–%.1f", bin.from(), bin.to())).append("</td><td>")
                    .append(bin.forecasts()).append("</td><td>").append(num(bin.meanForecast(), 3)).append("</td><td>")
                    .append(num(bin.observed(), 3)).append("</td></tr>");
        }
        b.append("</table></div>");
        b.append("<h2>History</h2><p>").append(r.data().hoursTraded()).append(" of ").append(r.data().hoursInPeriod())
                .append(" hours traded; ").append(r.data().missingMinutes()).append(" minutes missing in ")
                .append(r.data().gaps().size()).append(" gaps (their hours are skipped, never bridged).</p>");
        if (!r.data().gaps().isEmpty()) {
            b.append("<div class=\"wrap\"><table><tr><th>Gap from</th><th>to</th><th>Minutes</th></tr>");
            r.data().gaps().stream().limit(50).forEach(g -> b.append("<tr><td>").append(g.from()).append("</td><td>")
                    .append(g.to()).append("</td><td>").append(g.minutes()).append("</td></tr>"));
            b.append("</table></div>");
        }
        if (!s.blockedEntries().isEmpty() || s.killSwitchTrips() > 0 || s.unfilledEntries() > 0) {
            b.append("<h2>Entries not taken</h2><ul>");
            b.append("<li>").append(s.unfilledEntries()).append(" entries found no fill at the ask</li>");
            s.blockedEntries().forEach((why, count) -> b.append("<li>").append(count).append(" blocked: ")
                    .append(escape(why)).append("</li>"));
            b.append("<li>daily loss limit tripped the kill switch ").append(s.killSwitchTrips()).append(" times</li>");
            b.append("</ul>");
        }
        b.append("<h2>Settings</h2><div class=\"wrap\"><table><tr><th>Key</th><th>Value</th></tr>");
        for (Map.Entry<String, String> e : r.settings().entrySet()) {
            b.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(escape(e.getValue()))
                    .append("</td></tr>");
        }
        b.append("</table></div>");
        b.append("<h2>Trades</h2><div class=\"wrap\"><table><tr><th>Market</th><th>Side</th><th>Entered</th>")
                .append("<th>Closed</th><th>Status</th><th>Contracts</th><th>Entry</th><th>Exit</th><th>Fees</th>")
                .append("<th>Payout</th><th>PnL</th><th>P(side)</th><th>Why closed</th></tr>");
        r.trades().stream().limit(1000).forEach(t -> b.append("<tr><td>").append(escape(t.ticker())).append("</td><td>")
                .append(t.side()).append("</td><td>").append(t.entered()).append("</td><td>").append(t.closed())
                .append("</td><td>").append(t.status()).append("</td><td>").append(t.contracts().toPlainString())
                .append("</td><td>").append(plain(t.entryPrice())).append("</td><td>").append(plain(t.exitPrice()))
                .append("</td><td>").append(plain(t.fees())).append("</td><td>").append(plain(t.payout()))
                .append("</td><td>").append(money(t.pnl())).append("</td><td>").append(num(t.probability(), 3))
                .append("</td><td>").append(escape(t.closeReason())).append("</td></tr>"));
        b.append("</table></div>");
        if (r.trades().size() > 1000) {
            b.append("<p class=\"muted\">first 1000 of ").append(r.trades().size()).append(" trades; all are in report.json</p>");
        }
        return b.append("</body></html>").toString();
    }

    private static void kpi(StringBuilder b, String label, String value) {
        b.append("<div class=\"kpi\"><span class=\"muted\">").append(escape(label)).append("</span><b>").append(value)
                .append("</b></div>");
    }

    private static void figure(StringBuilder b, String caption, String svg) {
        b.append("<figure><figcaption>").append(escape(caption)).append("</figcaption>").append(svg).append("</figure>");
    }

    private static void buckets(StringBuilder b, String title, List<Report.Bucket> rows) {
        b.append("<h2>").append(escape(title)).append("</h2><div class=\"wrap\"><table><tr><th></th><th>Trades</th>")
                .append("<th>Wins</th><th>Net PnL</th><th>Fees</th></tr>");
        for (Report.Bucket k : rows) {
            b.append("<tr><td>").append(escape(k.label())).append("</td><td>").append(k.trades()).append("</td><td>")
                    .append(k.wins()).append("</td><td>").append(money(k.netPnl())).append("</td><td>")
                    .append(plain(k.fees())).append("</td></tr>");
        }
        b.append("</table></div>");
    }

    private static String money(BigDecimal d) {
        if (d == null) {
            return "–";
        }
        String cls = d.signum() < 0 ? "neg" : d.signum() > 0 ? "pos" : "";
        return "<span class=\"" + cls + "\">" + d.toPlainString() + "</span>";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "–" : d.toPlainString();
    }

    private static String percent(double d) {
        return String.format(Locale.ROOT, "%.1f %%", d * 100);
    }

    private static String num(Double d, int decimals) {
        return d == null || d.isNaN() ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }
}
