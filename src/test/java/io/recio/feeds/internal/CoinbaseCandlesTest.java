package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The candles REST client against a local server answering like Coinbase's documented endpoint. */
class CoinbaseCandlesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleFirst = new AtomicInteger();
    private volatile String fixedBody;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/products/BTC-USD/candles", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            byte[] body;
            int status = 200;
            if (throttleFirst.getAndDecrement() > 0) {
                status = 429;
                body = "{\"message\":\"Slow down\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                body = (fixedBody != null ? fixedBody : answer(exchange.getRequestURI().getQuery()))
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Every minute of the asked range, newest first, in Coinbase's [time, low, high, open, close, volume] order. */
    private static String answer(String query) {
        Instant start = Instant.parse(param(query, "start"));
        Instant end = Instant.parse(param(query, "end"));
        StringBuilder s = new StringBuilder("[");
        for (Instant t = end; !t.isBefore(start); t = t.minusSeconds(60)) {
            long minute = (t.getEpochSecond() - T0.getEpochSecond()) / 60;
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('[').append(t.getEpochSecond()).append(',').append(100 + minute).append(".5,")
                    .append(110 + minute).append(',').append(105 + minute).append(',').append(106 + minute)
                    .append(",1.25]");
        }
        return s.append(']').toString();
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private CoinbaseCandles client() {
        return new CoinbaseCandles(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 10);
    }

    @Test
    void aLongRangeIsFetchedInPagesOfAtMost300Minutes() throws Exception {
        List<Candle> got = new ArrayList<>();
        client().fetch(Symbol.BTC, T0, T0.plusSeconds(700 * 60), page -> page.candles().forEach(r -> got.add(r.candle())));
        assertThat(queries).containsExactly(
                "granularity=60&start=2026-01-01T00:00:00Z&end=2026-01-01T04:59:00Z",
                "granularity=60&start=2026-01-01T05:00:00Z&end=2026-01-01T09:59:00Z",
                "granularity=60&start=2026-01-01T10:00:00Z&end=2026-01-01T11:39:00Z");
        assertThat(got).hasSize(700);
        assertThat(got).isSortedAccordingTo(java.util.Comparator.comparing(Candle::start));
        assertThat(CoinbaseCandles.pages(T0, T0.plusSeconds(700 * 60))).isEqualTo(3);
    }

    @Test
    void bucketsAreReadInCoinbasesLowHighOpenCloseOrder() throws Exception {
        Candle c = client().page(Symbol.BTC, T0, T0.plusSeconds(60)).candles().getFirst().candle();
        assertThat(c.start()).isEqualTo(T0);
        assertThat(c.low()).isEqualTo(SpotPrice.parse("100.5"));
        assertThat(c.high()).isEqualTo(SpotPrice.parse("110"));
        assertThat(c.open()).isEqualTo(SpotPrice.parse("105"));
        assertThat(c.close()).isEqualTo(SpotPrice.parse("106"));
        assertThat(c.source()).isEqualTo("coinbase");
    }

    @Test
    void tooManyRequestsIsRetriedAfterABackOff() throws Exception {
        throttleFirst.set(1);
        assertThat(client().page(Symbol.BTC, T0, T0.plusSeconds(120)).candles()).hasSize(2);
        assertThat(queries).hasSize(2);
    }

    @Test
    void inconsistentBucketsAreCountedAndSkipped() throws Exception {
        fixedBody = "[[1767225660,100,90,95,95,1],[1767225600,\"100.5\",\"110\",\"105\",\"106\",\"1\"],[\"x\"],"
                + "[1767225720,0,1,1,1,1]]";
        CoinbaseCandles.Page page = client().page(Symbol.BTC, T0, T0.plusSeconds(300));
        assertThat(page.candles()).hasSize(1);
        assertThat(page.badBuckets()).isEqualTo(3);
    }

    @Test
    void anAnswerThatIsNotAnArrayIsAnErrorNamingIt() {
        fixedBody = "{\"message\":\"granularity too small\"}";
        assertThatThrownBy(() -> client().page(Symbol.BTC, T0, T0.plusSeconds(60)))
                .isInstanceOf(IOException.class).hasMessageContaining("not an array");
    }
}
