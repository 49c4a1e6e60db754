package io.recio.bench;

import io.recio.feeds.internal.CoinbaseMessages;
import io.recio.feeds.internal.PriceWindow;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The feed's hot path: every Coinbase ticker frame is parsed (BTC-USD alone can send hundreds a second in a
 * burst), and every logged second derives six deltas, momentum and two averages from the ring buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeedsBenchmark {

    /** The live BTC-USD ticker of 2026-09-04 from reference/coinbase-examples (17 keys, verbatim shape). */
    private static final String TICKER = "{\"type\":\"ticker\",\"sequence\":135557035414,\"product_id\":\"BTC-USD\","
            + "\"price\":\"81228.94\",\"open_24h\":\"77026.99\",\"volume_24h\":\"10973.39542777\",\"low_24h\":\"76929.29\","
            + "\"high_24h\":\"82283\",\"volume_30d\":\"210811.57557364\",\"best_bid\":\"81222.50\","
            + "\"best_bid_size\":\"0.00000091\",\"best_ask\":\"81228.97\",\"best_ask_size\":\"0.16229192\","
            + "\"side\":\"sell\",\"time\":\"2026-09-04T00:21:02.905270Z\",\"trade_id\":1088490716,\"last_size\":\"0.013388\"}";

    private final CoinbaseMessages parser = new CoinbaseMessages();
    private final PriceWindow window = new PriceWindow();
    private long second = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private long price = 900_000_000L;

    @Benchmark
    public CoinbaseMessages.Message parseTickerFrame() throws CoinbaseMessages.MalformedFrameException {
        return parser.parse(TICKER);
    }

    @Benchmark
    public PriceWindow.Derived deriveLoggedSecond() {
        second++;
        price += (second & 1) == 0 ? 3_000 : -2_000;
        return window.log(Instant.ofEpochSecond(second), price);
    }
}
