import java.sql.*;
/**
 * Disk cost of one day of the price log in the embedded H2 file: 2 symbols x 86 400 seconds into the real
 * table shape, then the file size.
 *
 * <pre>java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar bench/DiskPerDay.java DIR</pre>
 */
public class DiskPerDay {
    public static void main(String[] a) throws Exception {
        String url = "jdbc:h2:file:" + a[0] + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS live_data");
            s.execute("CREATE TABLE live_data.price_tick (symbol VARCHAR(8) NOT NULL, at_second TIMESTAMP WITH TIME ZONE NOT NULL, price BIGINT NOT NULL, delta_1m DOUBLE PRECISION, delta_2m DOUBLE PRECISION, delta_3m DOUBLE PRECISION, delta_4m DOUBLE PRECISION, delta_15m DOUBLE PRECISION, delta_30m DOUBLE PRECISION, momentum DOUBLE PRECISION, avg_1m BIGINT NOT NULL, avg_60s BIGINT NOT NULL, source VARCHAR(32) NOT NULL, age_ms BIGINT NOT NULL, CONSTRAINT price_tick_pk PRIMARY KEY (symbol, at_second))");
            s.execute("CREATE INDEX price_tick_by_second ON live_data.price_tick (at_second)");
            c.setAutoCommit(false);
            long t0 = 1_764_500_000_000L;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO live_data.price_tick VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < 86400; i++) for (String sym : new String[]{"BTC","ETH"}) {
                    p.setString(1, sym); p.setTimestamp(2, new Timestamp(t0 + i * 1000L)); p.setLong(3, 900000000L + i);
                    for (int k = 4; k <= 10; k++) p.setDouble(k, Math.random());
                    p.setLong(11, 900000000L); p.setLong(12, 900000000L); p.setString(13, "coinbase"); p.setLong(14, 120);
                    p.addBatch(); if (i % 500 == 0) { p.executeBatch(); c.commit(); }
                }
                p.executeBatch(); c.commit();
            }
            long ticks = java.nio.file.Files.size(java.nio.file.Path.of(a[0], "db.mv.db"));
            System.out.println("price_tick one day: " + ticks / 1024 / 1024 + " MB");
        }
    }
}
