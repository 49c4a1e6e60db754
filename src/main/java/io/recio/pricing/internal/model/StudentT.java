package io.recio.pricing.internal.model;

/**
 * Student's t and normal distribution functions, from the regularized incomplete beta function
 * (continued fraction, modified Lentz) and the complementary error function.
 */
public final class StudentT {

    private StudentT() {
    }

    /** P(T &gt; t) for Student's t with {@code nu} degrees of freedom (nu may be fractional, &gt; 0). */
    public static double upperTail(double t, double nu) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double x = nu / (nu + t * t);
        double half = 0.5 * regularizedBeta(x, nu / 2, 0.5);
        return t >= 0 ? half : 1 - half;
    }

    /** P(Z &gt; z) for the standard normal. */
    public static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** I_x(a, b), the regularized incomplete beta function. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double logFront = logBeta(a, b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * betaFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * betaFraction(1 - x, b, a) / b;
    }

    /** The last ln Γ(a+b) − ln Γ(a) − ln Γ(b) worked out: a model asks for one ν thousands of times a second. */
    private record LogBeta(double a, double b, double value) {
    }

    private static volatile LogBeta lastLogBeta = new LogBeta(Double.NaN, Double.NaN, Double.NaN);

    private static double logBeta(double a, double b) {
        LogBeta last = lastLogBeta;
        if (last.a() == a && last.b() == b) {
            return last.value();
        }
        double value = logGamma(a + b) - logGamma(a) - logGamma(b);
        lastLogBeta = new LogBeta(a, b, value);
        return value;
    }

    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-14) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, n = 9). */
    static double logGamma(double x) {
        final double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double xx = x - 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) {
            sum += g[i] / (xx + i);
        }
        double t = xx + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
