package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.FixedPrices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 7's fault test: recio runs as a real child process in live mode against the exchange simulator
 * (in this JVM), places a manual order whose answer never comes, is killed with SIGKILL while the
 * order exists at the exchange but not in recio's books as filled, and is restarted on the same H2
 * file database. The start-up reconciliation must resolve the order by lookup: exactly one order at
 * the exchange, exactly one trade in recio holding what the exchange filled, and no second order.
 */
class CrashRecoveryProcessTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN_PASSWORD = "crash-test-password-1";
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);

    final FaultSwitches faults = new FaultSwitches();
    final List<Process> children = new ArrayList<>();
    final List<Path> childLogs = new ArrayList<>();
    KalshiExchangeSimulator simulator;
    KalshiExchangeSimulator.Credentials account;
    PrivateKey key;
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
        simulator = new KalshiExchangeSimulator(new FixedPrices(Clock.systemUTC(), "90000", "3000"), faults, Clock.systemUTC(),
                KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, true);
        account = simulator.provisionAccount();
        key = privateKey(account.privateKeyPem());
        Path keyFile = work.resolve("kalshi.key");
        Files.writeString(keyFile, account.privateKeyPem());
        port = freePort();

        startChild(keyFile);
        ConsoleClient first = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        awaitTradingOn(first);

        // no entry goes out before a BTC price is known (the risk limits' stale-data check)
        await("a BTC price from the fallback source").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"none".equals(first.get("/api/services/symbol_price_watchdog_btc/health")
                        .path("details").path("source").asText("none")));
        // an order near the close could meet the market closing; wait for the next event then
        JsonNode market = await("an open market not about to close").atMost(Duration.ofSeconds(150))
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
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Drecio.mode=live",
                "-Drecio.data-dir=" + work,
                "-Drecio.ports.main-app=" + port,
                "-Drecio.ports.simulator-kalshi=0",
                "-Drecio.ports.simulator-coinbase=0",
                "-Drecio.kalshi.rest-url=" + simulator.restUrl(),
                "-Drecio.kalshi.ws-url=" + simulator.wsUrl(),
                "-Drecio.kalshi.key-id=" + account.keyId(),
                "-Drecio.kalshi.key-file=" + keyFile,
                // the answer must not time out before the kill: the order is caught in flight
                "-Drecio.kalshi.order-timeout=60s",
                "-Drecio.trading.venue=kalshi",
                // no Coinbase here: prices come from the exchange's index (the fallback source)
                "-Drecio.feeds.coinbase-url=ws://127.0.0.1:1/",
                "-Drecio.feeds.stale-after=1s",
                "io.recio.RecioApplication", "run"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RECIO_"));
        builder.environment().put("RECIO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        childLogs.add(log);
        children.add(builder.start());
    }

    void awaitTradingOn(ConsoleClient recio) {
        await("trading to be on").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> recio.get("/api/trading/status").get("trading_on").asBoolean());
    }

    /** An open BTC market of the event closing last, with a YES ask the order will take. */
    Optional<JsonNode> marketToTrade() {
        JsonNode markets = exchange("/markets?series_ticker=KXBTCD&status=open").get("markets");
        Instant soon = Instant.now().plus(Duration.ofSeconds(90));
        return StreamSupport.stream(markets.spliterator(), false)
                .filter(m -> Instant.parse(m.get("close_time").asText()).isAfter(soon))
                .filter(m -> m.hasNonNull("yes_ask_dollars"))
                .filter(m -> {
                    BigDecimal ask = new BigDecimal(m.get("yes_ask_dollars").asText());
                    return ask.compareTo(new BigDecimal("0.20")) > 0 && ask.compareTo(new BigDecimal("0.80")) < 0;
                })
                .max(Comparator.comparing((JsonNode m) -> m.get("close_time").asText()));
    }

    List<JsonNode> tradesOf(ConsoleClient recio, String ticker) {
        return StreamSupport.stream(recio.get("/api/trades").spliterator(), false)
                .filter(t -> ticker.equals(t.get("ticker").asText())).toList();
    }

    List<JsonNode> exchangeOrders(String ticker) {
        return StreamSupport.stream(exchange("/portfolio/orders?ticker=" + ticker).get("orders").spliterator(), false)
                .filter(o -> ticker.equals(o.get("ticker").asText())).toList();
    }

    List<JsonNode> exchangeFills(String ticker) {
        return StreamSupport.stream(exchange("/portfolio/fills?ticker=" + ticker).get("fills").spliterator(), false)
                .filter(f -> ticker.equals(f.get("ticker").asText())).toList();
    }

    BigDecimal exchangePosition(String ticker) {
        return StreamSupport.stream(exchange("/portfolio/positions").get("market_positions").spliterator(), false)
                .filter(p -> ticker.equals(p.get("ticker").asText()))
                .map(p -> new BigDecimal(p.get("position_fp").asText()))
                .findFirst().orElse(BigDecimal.ZERO);
    }

    /** A signed GET to the simulator's REST API as the provisioned account. */
    JsonNode exchange(String pathAndQuery) {
        String full = URI.create(simulator.restUrl()).getPath() + pathAndQuery;
        String path = full.contains("?") ? full.substring(0, full.indexOf('?')) : full;
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.restUrl() + pathAndQuery))
                .timeout(HTTP_TIMEOUT)
                .header("KALSHI-ACCESS-KEY", account.keyId())
                .header("KALSHI-ACCESS-TIMESTAMP", timestamp)
                .header("KALSHI-ACCESS-SIGNATURE", sign(timestamp + "GET" + path)).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String sign(String message) {
        try {
            Signature signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(String pem) throws java.security.GeneralSecurityException {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
