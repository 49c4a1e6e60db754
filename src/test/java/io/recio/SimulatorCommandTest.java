package io.recio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.simulator.feed.CoinbaseFeedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code recio simulator} starts recio with the simulated feed listening and no web console, until stopped. */
class SimulatorCommandTest {

    private static final AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();

    /** Hands the started context to the test, which stops it as Ctrl-C would. */
    private static final SpringApplicationHook CAPTURE = application -> new SpringApplicationRunListener() {
        @Override
        public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
            started.set(context);
        }
    };

    @Test
    void simulatorCommandServesTheCoinbaseFeedUntilStopped() {
        // A thread of its own: the command blocks until recio stops, and must not starve the common pool.
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofPlatform().name("recio-simulator-command").start(() -> exit.complete(SpringApplication.withHook(CAPTURE,
                () -> RecioCli.execute("simulator", "--seed", "7", "--spring.profiles.active=test",
                        "--recio.ports.simulator-coinbase=0", "--recio.ports.simulator-kalshi=0"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> started.get() != null || exit.isDone());
        ConfigurableApplicationContext context = started.get();
        assertThat(context).as("recio simulator started").isNotNull();
        try {
            assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("none");
            assertThat(context.getEnvironment().getProperty("recio.simulator.seed")).isEqualTo("7");
            CoinbaseFeedServer feed = context.getBean(CoinbaseFeedServer.class);
            // ops starts the services in the background of a ready application
            await().atMost(Duration.ofSeconds(30)).until(() -> context.getBean(ManagedServices.class)
                    .health(ServiceName.SIMULATOR_COINBASE).orElseThrow().state() == ServiceState.RUNNING);
            assertThat(feed.port()).isPositive();

            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + feed.port() + "/"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            first.complete(data.toString());
                            return null;
                        }
                    }).join();
            socket.sendText("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"ticker\"]}", true);
            assertThat(first.orTimeout(5, TimeUnit.SECONDS).join()).contains("\"subscriptions\"");
            socket.abort();
        } finally {
            context.close();
        }
        assertThat(exit.orTimeout(30, TimeUnit.SECONDS).join()).isZero();
    }
}
