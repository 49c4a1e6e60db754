package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.AheadClock;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.RecioChild;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's fault test: recio runs as a real child process in live mode against the exchange simulator
 * (in this JVM), places a manual order whose answer never comes, is killed with SIGKILL while the
 * order exists at the exchange but not in recio's books as filled, and is restarted on the same H2
 * file database. The start-up reconciliation must resolve the order by lookup: exactly one order at
 * the exchange, exactly one trade in recio holding what the exchange filled, and no second order.
 */
class CrashRecoveryProcessTest {

    static final String ADMIN_PASSWORD = "crash-test-password-1";

    final FaultSwitches faults = new FaultSwitches();
    /** The world's time: far from a close, whatever the wall clock says, so no market closes during a slow restart. */
    final AheadClock clock = new AheadClock();
    final List<Process> children = new ArrayList<>();
    final List<Path> childLogs = new ArrayList<>();
    KalshiExchangeSimulator simulator;
    KalshiExchangeSimulator.Credentials account;
    ExchangeClient exchange;
    Path work;
    int port;

    @RegisterExtension
    final TestWatcher printChildLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (Path log : childLogs) {
                try {
                    System.err.println("===== " + log + " =====\n" + Files.readString(log));
                } catch (IOException e) {
                    System.err.println("cannot read " + log + ": " + e);
                }
            }
        }
    };


    @AfterEach
    void stopEverything() {
        for (Process child : children) {
            child.destroyForcibly();
            try {
                child.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void aPlatformKilledBetweenOrderAndFillReconcilesToExactlyOneTradeAfterRestart() throws Exception {
        work = Files.createTempDirectory("recio-crash");
        clock.jumpToBeforeClose(Duration.ofMinutes(40));
        simulator = new KalshiExchangeSimulator(new FixedPrices(clock, "90000", "3000"), faults, clock,
                KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, true);
        account = simulator.provisionAccount();
        exchange = ExchangeClient.of(simulator.restUrl(), account.keyId(), account.privateKeyPem(), clock);
        Path keyFile = work.resolve("kalshi.key");
        Files.writeString(keyFile, account.privateKeyPem());
        port = RecioChild.freePort();

        startChild(keyFile);
        ConsoleClient first = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        awaitTradingOn(first);

        // no entry goes out before a BTC price is known (the risk limits' stale-data check)
        await("a BTC price from the fallback source").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"none".equals(first.get("/api/services/symbol_price_watchdog_btc/health")
                        .path("details").path("source").asText("none")));
        JsonNode market = await("an open market with a YES ask to take").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(this::marketToTrade, Optional::isPresent).orElseThrow();
        String ticker = market.get("ticker").asText();
        faults.orderResponseTimeout(true);
        first.postInBackground("/api/trades", Map.of("ticker", ticker, "side", "yes", "count", 2,
                "worst_price", "0.99", "time_in_force", "IOC"));
        JsonNode placed = await("the exchange to hold the order").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> exchangeOrders(ticker), l -> !l.isEmpty()).getFirst();
        Process killed = children.getLast();
        killed.destroyForcibly();
        assertThat(killed.waitFor(20, TimeUnit.SECONDS)).as("the child died of SIGKILL").isTrue();
        faults.orderResponseTimeout(false);

        startChild(keyFile);
        ConsoleClient second = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        awaitTradingOn(second);
        JsonNode trade = await("the reconciled trade").atMost(Duration.ofSeconds(30))
                .until(() -> tradesOf(second, ticker), l -> l.size() == 1 && !"PENDING".equals(
                        l.getFirst().get("status").asText())).getFirst();

        List<JsonNode> orders = exchangeOrders(ticker);
        assertThat(orders).as("orders at the exchange").hasSize(1);
        JsonNode order = orders.getFirst();
        assertThat(order.get("order_id").asText()).isEqualTo(placed.get("order_id").asText());
        BigDecimal filled = new BigDecimal(order.get("fill_count_fp").asText());
        assertThat(filled).isEqualByComparingTo("2");

        assertThat(trade.get("status").asText()).isEqualTo("OPEN");
        assertThat(trade.get("entry_method").asText()).as("the manual trade itself, not one adopted from the venue")
                .isEqualTo("MANUAL");
        assertThat(new BigDecimal(trade.get("contracts").asText())).isEqualByComparingTo(filled);
        BigDecimal exchangeCost = BigDecimal.ZERO;
        for (JsonNode fill : exchangeFills(ticker)) {
            assertThat(fill.get("order_id").asText()).isEqualTo(order.get("order_id").asText());
            exchangeCost = exchangeCost.add(new BigDecimal(fill.get("count_fp").asText())
                    .multiply(new BigDecimal(fill.get("yes_price_dollars").asText())));
        }
        BigDecimal recioCost = new BigDecimal(trade.get("entry_price").asText()).multiply(filled);
        assertThat(recioCost.subtract(exchangeCost).abs()).as("entry cost recio vs exchange")
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
        assertThat(exchangePosition(ticker)).isEqualByComparingTo(new BigDecimal(trade.get("contracts").asText()));
        assertThat(tradesOf(second, ticker)).hasSize(1);
        assertThat(exchangeOrders(ticker)).hasSize(1);
    }

    void startChild(Path keyFile) throws IOException {
        Path log = Path.of("target", "crash-recovery-child-" + (children.size() + 1) + ".log").toAbsolutePath();
        childLogs.add(log);
        children.add(RecioChild.live(work, port, simulator, account.keyId(), keyFile).withoutCoinbase()
                // the answer must not time out before the kill: the order is caught in flight
                .set("recio.kalshi.order-timeout", "60s")
                .adminPassword(ADMIN_PASSWORD).maxHeap("512m").clockAhead(clock.ahead()).start(log));
    }

    void awaitTradingOn(ConsoleClient recio) {
        await("trading to be on").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> recio.get("/api/trading/status").get("trading_on").asBoolean());
    }

    /** An open BTC market with a YES ask the order will take. */
    Optional<JsonNode> marketToTrade() {
        JsonNode markets = exchange.get("/markets?series_ticker=KXBTCD&status=open").get("markets");
        return StreamSupport.stream(markets.spliterator(), false)
                .filter(m -> m.hasNonNull("yes_ask_dollars"))
                .filter(m -> {
                    BigDecimal ask = new BigDecimal(m.get("yes_ask_dollars").asText());
                    return ask.compareTo(new BigDecimal("0.20")) > 0 && ask.compareTo(new BigDecimal("0.80")) < 0;
                })
                .findFirst();
    }

    List<JsonNode> tradesOf(ConsoleClient recio, String ticker) {
        return StreamSupport.stream(recio.get("/api/trades").spliterator(), false)
                .filter(t -> ticker.equals(t.get("ticker").asText())).toList();
    }

    List<JsonNode> exchangeOrders(String ticker) {
        return StreamSupport.stream(exchange.get("/portfolio/orders?ticker=" + ticker).get("orders").spliterator(), false)
                .filter(o -> ticker.equals(o.get("ticker").asText())).toList();
    }

    List<JsonNode> exchangeFills(String ticker) {
        return StreamSupport.stream(exchange.get("/portfolio/fills?ticker=" + ticker).get("fills").spliterator(), false)
                .filter(f -> ticker.equals(f.get("ticker").asText())).toList();
    }

    BigDecimal exchangePosition(String ticker) {
        return StreamSupport.stream(exchange.get("/portfolio/positions").get("market_positions").spliterator(), false)
                .filter(p -> ticker.equals(p.get("ticker").asText()))
                .map(p -> new BigDecimal(p.get("position_fp").asText()))
                .findFirst().orElse(BigDecimal.ZERO);
    }
}
