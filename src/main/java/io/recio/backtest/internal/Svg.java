package io.recio.backtest.internal;

import java.util.List;
import java.util.Locale;

/** Small SVG charts for the self-contained HTML report: a line over time, bars, and a reliability diagram. */
final class Svg {

    static final int WIDTH = 560;
    static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private Svg() {
    }

    /** A step line of {@code ys} over {@code xs} (epoch seconds), with a zero line; empty data draws a note. */
    static String line(String title, long[] xs, double[] ys, String colour, boolean fill) {
        StringBuilder b = open(title);
        if (xs.length == 0) {
            return note(b, "no finished trades");
        }
        long x0 = xs[0];
        long x1 = Math.max(xs[xs.length - 1], x0 + 1);
        double lo = 0;
        double hi = 0;
        for (double y : ys) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        axes(b, lo, hi);
        StringBuilder path = new StringBuilder();
        double zeroY = y(0, lo, hi);
        path.append(String.format(Locale.ROOT, "M%.1f %.1f", x(x0, x0, x1), zeroY));
        double lastY = zeroY;
        for (int i = 0; i < xs.length; i++) {
            double px = x(xs[i], x0, x1);
            double py = y(ys[i], lo, hi);
            path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", px, lastY, px, py));
            lastY = py;
        }
        if (fill) {
            path.append(String.format(Locale.ROOT, " L%.1f %.1f Z", x(xs[xs.length - 1], x0, x1), zeroY));
            b.append("<path d=\"").append(path).append("\" fill=\"").append(colour)
                    .append("\" fill-opacity=\"0.35\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
        } else {
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"/>");
        }
        b.append(text(LEFT, HEIGHT - 8, Dates.day(x0), "start"));
        b.append(text(WIDTH - RIGHT, HEIGHT - 8, Dates.day(x1), "end"));
        return b.append("</svg>").toString();
    }

    /** Vertical bars, green above zero and red below, one per label. */
    static String bars(String title, List<String> labels, double[] values) {
        StringBuilder b = open(title);
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        axes(b, lo, hi);
        double slot = (WIDTH - LEFT - RIGHT) / (double) labels.size();
        double zero = y(0, lo, hi);
        for (int i = 0; i < labels.size(); i++) {
            double top = y(Math.max(values[i], 0), lo, hi);
            double bottom = y(Math.min(values[i], 0), lo, hi);
            double bx = LEFT + i * slot + slot * 0.15;
            b.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", bx, top, slot * 0.7,
                    Math.max(bottom - top, 0.5), values[i] >= 0 ? "#2e9d5b" : "#c8453b"));
            b.append(text(LEFT + i * slot + slot / 2, HEIGHT - 20, labels.get(i), "middle"));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\"/>", LEFT,
                WIDTH - RIGHT, zero, zero));
        return b.append("</svg>").toString();
    }

    /** Observed frequency against mean forecast per bin (dot area by count), with the diagonal of perfect calibration. */
    static String reliability(String title, List<Scores.Bin> bins) {
        StringBuilder b = open(title);
        axes(b, 0, 1);
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" "
                + "stroke-dasharray=\"4 4\"/>", LEFT, y(0, 0, 1), WIDTH - RIGHT, y(1, 0, 1)));
        long max = bins.stream().mapToLong(Scores.Bin::forecasts).max().orElse(1);
        StringBuilder path = new StringBuilder();
        for (Scores.Bin bin : bins) {
            if (bin.forecasts() == 0) {
                continue;
            }
            double px = LEFT + bin.meanForecast() * (WIDTH - LEFT - RIGHT);
            double py = y(bin.observed(), 0, 1);
            path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
            double r = 3 + 9 * Math.sqrt(bin.forecasts() / (double) Math.max(max, 1));
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#3867d6\" "
                    + "fill-opacity=\"0.6\"/>", px, py, r));
        }
        if (!path.isEmpty()) {
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#3867d6\" stroke-width=\"1.5\"/>");
        }
        b.append(text(LEFT, HEIGHT - 8, "forecast 0", "start"));
        b.append(text(WIDTH - RIGHT, HEIGHT - 8, "forecast 1", "end"));
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        return b;
    }

    private static String note(StringBuilder b, String text) {
        return b.append(text(WIDTH / 2.0, HEIGHT / 2.0, text, "middle")).append("</svg>").toString();
    }

    private static void axes(StringBuilder b, double lo, double hi) {
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double py = y(v, lo, hi);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>",
                    LEFT, WIDTH - RIGHT, py, py));
            b.append(text(LEFT - 6, py + 4, String.format(Locale.ROOT, Math.abs(hi - lo) >= 10 ? "%.0f" : "%.2f", v),
                    "end"));
        }
    }

    private static double x(long t, long x0, long x1) {
        return LEFT + (t - x0) / (double) (x1 - x0) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double v, double lo, double hi) {
        return TOP + (hi - v) / (hi - lo) * (HEIGHT - TOP - BOTTOM);
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#444\" "
                + "text-anchor=\"%s\">%s</text>", x, y, anchor, Html.escape(s));
    }
}
