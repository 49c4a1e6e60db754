package io.recio.pricing.internal;

import io.recio.market.Symbol;
import io.recio.pricing.internal.model.FingerprintTable;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.VolatilityFit;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and replaces the model tables in {@code analytics}; a build replaces a symbol's rows in one transaction.
 * A fingerprint cell stores its sorted % moves and its prefix weights as big-endian float32 (rows written
 * before the weights became floats hold them as float64, told apart by their length, and still load).
 */
@Component
public class ModelStore {

    /**
     * What a stored build says about itself.
     *
     * @param volatility the volatility fit, null when the history was too short
     * @param har        the HAR weights, null when the history was too short to fit them
     */
    public record Build(Symbol symbol, Instant builtAt, Instant historyFrom, Instant historyTo, long candles,
                        VolatilityFit volatility, HarVolatility har) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    ModelStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** Replaces the symbol's build and fingerprint cells atomically. */
    public void save(Build build, FingerprintTable table, double yearlyDecay, int minSamples) {
        List<FingerprintTable.Cell> cells = table.cells();
        transactions.executeWithoutResult(status -> {
            String symbol = build.symbol().name();
            jdbc.sql("DELETE FROM analytics.fingerprint_cell WHERE symbol = ?").param(symbol).update();
            jdbc.sql("DELETE FROM analytics.model_build WHERE symbol = ?").param(symbol).update();
            VolatilityFit v = build.volatility();
            double[] w = build.har() == null ? null : build.har().weights();
            jdbc.sql("""
                    INSERT INTO analytics.model_build (symbol, built_at, history_from, history_to, candles, yearly_decay,
                        min_samples, sigma_per_second, student_t_nu, har_weight_15m, har_weight_60m, har_weight_360m,
                        har_weight_1440m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(symbol, Timestamp.from(build.builtAt()), Timestamp.from(build.historyFrom()),
                            Timestamp.from(build.historyTo()), build.candles(), yearlyDecay, minSamples,
                            v == null ? null : v.sigmaPerSecond(), v == null ? null : v.nu(),
                            w == null ? null : w[0], w == null ? null : w[1], w == null ? null : w[2],
                            w == null ? null : w[3])
                    .update();
            template.batchUpdate("""
                    INSERT INTO analytics.fingerprint_cell (symbol, horizon_minutes, bucket, pooled_from, pooled_to,
                        samples, returns_percent, cumulative_weights) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    cells, 64, (ps, c) -> {
                        ps.setString(1, symbol);
                        ps.setInt(2, c.horizonMinutes());
                        ps.setInt(3, c.bucket());
                        ps.setInt(4, c.pooledFrom());
                        ps.setInt(5, c.pooledTo());
                        ps.setInt(6, c.samples());
                        ps.setBytes(7, floats(c.returnsPercent()));
                        ps.setBytes(8, floats(c.cumulativeWeights()));
                    });
        });
    }

    public Optional<Build> build(Symbol symbol) {
        return jdbc.sql("""
                        SELECT built_at, history_from, history_to, candles, sigma_per_second, student_t_nu,
                            har_weight_15m, har_weight_60m, har_weight_360m, har_weight_1440m
                        FROM analytics.model_build WHERE symbol = ?""")
                .param(symbol.name())
                .query((rs, n) -> {
                    double sigma = rs.getDouble("sigma_per_second");
                    VolatilityFit fit = rs.wasNull() ? null
                            : new VolatilityFit(sigma, rs.getDouble("student_t_nu"), rs.getLong("candles"));
                    double[] weights = new double[HarVolatility.WINDOWS.length];
                    boolean fitted = true;
                    for (int k = 0; k < weights.length; k++) {
                        weights[k] = rs.getDouble("har_weight_" + HarVolatility.WINDOWS[k] + "m");
                        fitted &= !rs.wasNull();
                    }
                    return new Build(symbol, rs.getTimestamp("built_at").toInstant(),
                            rs.getTimestamp("history_from").toInstant(), rs.getTimestamp("history_to").toInstant(),
                            rs.getLong("candles"), fit, fitted ? HarVolatility.of(weights) : null);
                })
                .optional();
    }

    /** The stored fingerprint of {@code symbol}, or empty when none is stored. */
    public Optional<FingerprintTable> fingerprint(Symbol symbol) {
        FingerprintTable.Cell[][] cells =
                new FingerprintTable.Cell[FingerprintTable.MAX_HORIZON_MINUTES][FingerprintTable.BUCKETS];
        int[] count = {0};
        jdbc.sql("""
                        SELECT horizon_minutes, bucket, pooled_from, pooled_to, returns_percent, cumulative_weights
                        FROM analytics.fingerprint_cell WHERE symbol = ?""")
                .param(symbol.name())
                .query(rs -> {
                    int h = rs.getInt(1);
                    int b = rs.getInt(2);
                    float[] returns = toFloats(rs.getBytes(5));
                    cells[h - 1][b - FingerprintTable.MIN_BUCKET] = new FingerprintTable.Cell(h, b, rs.getInt(3),
                            rs.getInt(4), FloatBuffer.wrap(returns), FloatBuffer.wrap(weights(rs.getBytes(6), returns.length)));
                    count[0]++;
                });
        return count[0] == 0 ? Optional.empty() : Optional.of(new FingerprintTable(cells));
    }

    private static byte[] floats(FloatBuffer values) {
        ByteBuffer b = ByteBuffer.allocate(values.limit() * Float.BYTES);
        b.asFloatBuffer().put(values.duplicate().clear());
        return b.array();
    }

    private static float[] toFloats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }

    /** Prefix weights as float32, or as the float64 of rows stored before (one weight more than moves either way). */
    private static float[] weights(byte[] bytes, int samples) {
        if (bytes.length == (samples + 1) * Double.BYTES) {
            double[] stored = new double[samples + 1];
            ByteBuffer.wrap(bytes).asDoubleBuffer().get(stored);
            float[] values = new float[stored.length];
            for (int i = 0; i < stored.length; i++) {
                values[i] = (float) stored[i];
            }
            return values;
        }
        return toFloats(bytes);
    }
}
