package io.recio.pricing.internal.eval;

import java.util.Locale;

/** A reliability diagram as SVG, written by hand: predicted probability against observed frequency per band. */
public final class ReliabilityChart {

    private static final String[] COLOURS = {"#4aa3ff", "#f39c12", "#2ecc71", "#e74c3c"};
    private static final int SIZE = 480;
    private static final int MARGIN = 60;

    private ReliabilityChart() {
    }

    public static String svg(Evaluation.Result r) {
        int plot = SIZE - 2 * MARGIN;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", SIZE, SIZE, SIZE, SIZE));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s reliability, held-out %s .. %s</text>%n",
                MARGIN, r.symbol(), r.testFrom().toString().substring(0, 10), r.testTo().toString().substring(0, 10)));
        for (int i = 0; i <= 10; i++) {
            double v = i / 10.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x(v, plot), MARGIN, x(v, plot), MARGIN + plot));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    MARGIN, y(v, plot), MARGIN + plot, y(v, plot)));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n",
                    x(v, plot), MARGIN + plot + 16, v));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
                    MARGIN - 6, y(v, plot) + 4, v));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                + "stroke-dasharray=\"4 4\"/>%n", x(0, plot), y(0, plot), x(1, plot), y(1, plot)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">predicted probability</text>%n",
                MARGIN + plot / 2, SIZE - 16));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">"
                + "observed frequency</text>%n", MARGIN + plot / 2, MARGIN + plot / 2));
        for (int m = 0; m < r.scores().size(); m++) {
            Evaluation.Score score = r.scores().get(m);
            String colour = COLOURS[m % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int b = 0; b < Evaluation.BANDS; b++) {
                if (score.bandCount()[b] == 0) {
                    continue;
                }
                double px = x(score.bandMeanPredicted()[b], plot);
                double py = y(score.bandObserved()[b], plot);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: "
                        + "predicted %.3f, observed %.3f, n=%d</title></circle>%n", px, py, colour, score.model(),
                        score.bandMeanPredicted()[b], score.bandObserved()[b], score.bandCount()[b]));
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), colour));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    MARGIN + 10, MARGIN + 10 + 18 * m, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (Brier %.4f)</text>%n", MARGIN + 28,
                    MARGIN + 21 + 18 * m, score.model(), score.brier()));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double x(double v, int plot) {
        return MARGIN + v * plot;
    }

    private static double y(double v, int plot) {
        return MARGIN + (1 - v) * plot;
    }
}
