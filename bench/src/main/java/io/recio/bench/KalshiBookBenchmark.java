package io.recio.bench;

import io.recio.kalshi.book.OrderBook;
import io.recio.kalshi.client.KalshiParsers;
import io.recio.kalshi.client.OrderbookLevels;
import io.recio.kalshi.client.WsMessage;
import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * kalshi_api_watchdog's hot paths: order-book deltas applied per second (in place, and parsed from their JSON
 * text first, as they arrive), and {@code ticker} messages parsed per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KalshiBookBenchmark {

    private static final int DELTAS = 4096;

    private OrderBook book;
    private long[] prices;
    private long[] deltas;
    private Side[] sides;
    private String[] deltaTexts;
    private String tickerText;
    private int i;

    @Setup
    public void setUp() {
        // a cent-grid book about 30 levels deep a side, like the at-the-money KXBTCD market
        List<OrderbookLevels.Level> yes = new ArrayList<>();
        List<OrderbookLevels.Level> no = new ArrayList<>();
        for (int c = 20; c < 50; c++) {
            yes.add(new OrderbookLevels.Level(Price.ofCents(c), Count.ofContracts(1_000)));
            no.add(new OrderbookLevels.Level(Price.ofCents(c), Count.ofContracts(1_000)));
        }
        book = new OrderBook("KXBTCD-26SEP2516-T89999.99");
        book.reset(new OrderbookLevels(book.ticker(), yes, no));
        SplittableRandom random = new SplittableRandom(7);
        prices = new long[DELTAS];
        deltas = new long[DELTAS];
        sides = new Side[DELTAS];
        deltaTexts = new String[DELTAS];
        for (int k = 0; k < DELTAS; k++) {
            prices[k] = random.nextInt(20, 50) * 100L;
            // alternate add and remove of the same size so levels never run dry
            deltas[k] = (k % 2 == 0 ? 1 : -1) * random.nextInt(1, 50) * 100L;
            if (k % 2 == 1) {
                prices[k] = prices[k - 1];
                deltas[k] = -deltas[k - 1];
            }
            sides[k] = k % 4 < 2 ? Side.YES : Side.NO;
            deltaTexts[k] = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":" + (k + 3) + ",\"msg\":{\"market_ticker\":\""
                    + book.ticker() + "\",\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1\",\"price_dollars\":\""
                    + Price.ofCents(prices[k] / 100).toDollars() + "\",\"delta_fp\":\"" + new Count(deltas[k]).toFp()
                    + "\",\"side\":\"" + sides[k].wire() + "\",\"ts_ms\":1669149841000}}";
        }
        tickerText = "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"KXBTCD-26SEP2516-T89999.99\","
                + "\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1\",\"price_dollars\":\"0.4800\","
                + "\"yes_bid_dollars\":\"0.4500\",\"yes_ask_dollars\":\"0.5300\",\"volume_fp\":\"33896.00\","
                + "\"open_interest_fp\":\"20422.00\",\"dollar_volume\":16948,\"dollar_open_interest\":10211,"
                + "\"yes_bid_size_fp\":\"300.00\",\"yes_ask_size_fp\":\"150.00\",\"last_trade_size_fp\":\"25.00\","
                + "\"ts_ms\":1669149841000}}";
    }

    /** One delta applied to the book and its top of book read, as the watchdog does per message. */
    @Benchmark
    public long applyDelta() {
        int k = i++ & (DELTAS - 1);
        book.apply(sides[k], prices[k], deltas[k]);
        return book.yesBid().units() + book.yesAsk().units();
    }

    /** One delta from its JSON text: parsed, applied, top of book read. */
    @Benchmark
    public long parseAndApplyDelta() {
        int k = i++ & (DELTAS - 1);
        WsMessage.Delta d = (WsMessage.Delta) KalshiParsers.wsMessage(deltaTexts[k]);
        book.apply(d.side(), d.price(), d.delta());
        return book.yesBid().units() + book.yesAsk().units();
    }

    /** One {@code ticker} message parsed into its record. */
    @Benchmark
    public Object parseTicker() {
        return KalshiParsers.wsMessage(tickerText);
    }
}
