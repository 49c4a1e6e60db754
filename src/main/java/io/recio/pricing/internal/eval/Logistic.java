package io.recio.pricing.internal.eval;

import java.util.List;

/** Logistic regression with an intercept, fitted by Newton's method with a small ridge penalty (keeps it finite). */
final class Logistic {

    private static final double RIDGE = 1e-3;
    private static final int ITERATIONS = 50;

    private Logistic() {
    }

    /** Weights {intercept, w1..wk} maximising the penalised likelihood of {@code y} given {@code x}. */
    static double[] fit(List<double[]> x, List<Boolean> y) {
        int k = x.getFirst().length + 1;
        double[] w = new double[k];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int a = 1; a < k; a++) {
                gradient[a] -= RIDGE * w[a];
                hessian[a][a] += RIDGE;
            }
            for (int i = 0; i < x.size(); i++) {
                double[] row = features(x.get(i));
                double p = sigmoid(dot(w, row));
                double err = (y.get(i) ? 1 : 0) - p;
                double v = p * (1 - p);
                for (int a = 0; a < k; a++) {
                    gradient[a] += err * row[a];
                    for (int b = 0; b < k; b++) {
                        hessian[a][b] += v * row[a] * row[b];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < k; a++) {
                w[a] += step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-9) {
                break;
            }
        }
        return w;
    }

    static double predict(double[] w, double[] x) {
        return sigmoid(dot(w, features(x)));
    }

    private static double[] features(double[] x) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        System.arraycopy(x, 0, row, 1, x.length);
        return row;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(m[r], 0, a[r], 0, n);
            a[r][n] = v[r];
        }
        for (int p = 0; p < n; p++) {
            int best = p;
            for (int r = p + 1; r < n; r++) {
                if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
                    best = r;
                }
            }
            double[] t = a[p];
            a[p] = a[best];
            a[best] = t;
            for (int r = p + 1; r < n; r++) {
                double f = a[r][p] / a[p][p];
                for (int c = p; c <= n; c++) {
                    a[r][c] -= f * a[p][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
