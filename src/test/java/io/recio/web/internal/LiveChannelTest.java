package io.recio.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.LiveUpdate;
import io.recio.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class LiveChannelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final LiveChannel channel = new LiveChannel(
            JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build(),
            new WebProperties(Duration.ofMillis(250), Duration.ofSeconds(10)), clock, Runnable::run);

    record Price(String symbol, long dollars) {
    }

    private RecordingSession tab(String user, boolean admin) {
        var principal = new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority(admin ? "ROLE_MASTER_ADMIN" : "ROLE_USER")));
        RecordingSession s = new RecordingSession(user + "-" + System.nanoTime(), principal);
        channel.afterConnectionEstablished(s);
        return s;
    }

    @Test
    void aStateIsSentInTheEnvelopeWithItsTypeKeyServerTimeAndSnakeCaseData() {
        RecordingSession tab = tab("trader", false);
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 94_000)));
        channel.flush(clock.instant());
        assertThat(tab.sent).containsExactly(
                "{\"type\":\"price\",\"key\":\"BTC\",\"at\":\"2026-11-30T10:00:00Z\",\"data\":{\"symbol\":\"BTC\",\"dollars\":94000}}");
    }

    @Test
    void statesOfOneKeyAreCoalescedToOneSendPerIntervalAndTheNewestWins() {
        RecordingSession tab = tab("trader", false);
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 1)));
        channel.flush(clock.instant());
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 2)));
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 3)));
        clock.advance(Duration.ofMillis(100));
        assertThat(channel.flush(clock.instant())).isZero();
        assertThat(tab.sent).hasSize(1);
        clock.advance(Duration.ofMillis(150));
        assertThat(channel.flush(clock.instant())).isEqualTo(1);
        assertThat(tab.sent).hasSize(2);
        assertThat(tab.sent.get(1)).contains("\"dollars\":3").doesNotContain("\"dollars\":2");
    }

    @Test
    void anUrgentStateIsNeverHeldBackAndOtherKeysAreNotHeldByIt() {
        RecordingSession tab = tab("trader", false);
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 1)));
        channel.flush(clock.instant());
        clock.advance(Duration.ofMillis(10));
        channel.publish(new LiveUpdate("price", "BTC", LiveUpdate.Delivery.LATEST_NOW, v -> new Price("BTC", 2)));
        channel.publish(LiveUpdate.latest("price", "ETH", new Price("ETH", 3)));
        channel.flush(clock.instant());
        assertThat(tab.sent).hasSize(3);
    }

    @Test
    void everyEventIsSentInOrderAndNoneIsCoalesced() {
        RecordingSession tab = tab("trader", false);
        for (int i = 1; i <= 3; i++) {
            channel.publish(LiveUpdate.every("fill", new Price("BTC", i)));
        }
        channel.flush(clock.instant());
        assertThat(tab.sent).hasSize(3);
        assertThat(tab.sent.get(0)).contains("\"dollars\":1");
        assertThat(tab.sent.get(2)).contains("\"dollars\":3");
    }

    @Test
    void aTabThatConnectsLaterGetsTheNewestStatesButNotPastEvents() {
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 1)));
        channel.publish(LiveUpdate.latest("price", "BTC", new Price("BTC", 2)));
        channel.publish(LiveUpdate.every("fill", new Price("BTC", 9)));
        channel.flush(clock.instant());
        RecordingSession late = tab("trader", false);
        assertThat(late.sent).singleElement().satisfies(m -> assertThat(m).contains("\"dollars\":2"));
    }

    @Test
    void eachViewerSeesOnlyWhatTheUpdateShowsThem() {
        RecordingSession trader = tab("trader", false);
        RecordingSession alice = tab("alice", false);
        RecordingSession admin = tab("admin", true);
        channel.publish(new LiveUpdate("trades", "all", LiveUpdate.Delivery.LATEST,
                v -> v.sees("trader") ? new Price("mine", 1) : null));
        channel.publish(LiveUpdate.latest("logs", "all", new Price("log", 2)).adminsOnly());
        channel.flush(clock.instant());
        assertThat(trader.sent).hasSize(1);
        assertThat(alice.sent).isEmpty();
        assertThat(admin.sent).hasSize(2);
    }

    @Test
    void shuttingClosesEveryTabAndRefusesNewOnesUntilOpenedAgain() {
        RecordingSession tab = tab("trader", false);
        channel.shut();
        assertThat(tab.closed).isEqualTo(CloseStatus.SERVICE_RESTARTED);
        assertThat(channel.tabCount()).isZero();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(channel.beforeHandshake(new ServletServerHttpRequest(new MockHttpServletRequest()),
                new ServletServerHttpResponse(refused), channel, new java.util.HashMap<>())).isFalse();
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        channel.open();
        assertThat(channel.beforeHandshake(new ServletServerHttpRequest(new MockHttpServletRequest()),
                new ServletServerHttpResponse(new MockHttpServletResponse()), channel, new java.util.HashMap<>())).isTrue();
    }

    @Test
    void aTabThatStopsReadingIsDroppedWithoutHoldingUpTheFlushOrTheOtherTabs() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        LiveChannel threaded = new LiveChannel(
                JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build(),
                new WebProperties(Duration.ofMillis(250), Duration.ofSeconds(10)), clock,
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        RecordingSession stuck = new RecordingSession("stuck", null) {
            @Override
            public synchronized void sendMessage(org.springframework.web.socket.WebSocketMessage<?> message) {
                try {
                    never.await(); // a browser whose socket never drains
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        RecordingSession reading = new RecordingSession("reading", null);
        threaded.afterConnectionEstablished(stuck);
        threaded.afterConnectionEstablished(reading);

        for (int i = 1; i <= LiveChannel.MAX_WAITING + 2; i++) {
            threaded.publish(LiveUpdate.every("trade", new Price("BTC", i)));
            threaded.flush(clock.instant());
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> reading.sent.size() == LiveChannel.MAX_WAITING + 2 && stuck.closed != null);
        assertThat(stuck.closed).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(threaded.tabCount()).as("the stuck tab is gone, the reading one stays").isEqualTo(1);
        assertThat(reading.sent.getLast()).as("in order, none lost")
                .contains("\"dollars\":" + (LiveChannel.MAX_WAITING + 2) + "}");
        never.countDown();
    }

    /** A tab whose socket takes nothing until {@link #release}: its first send blocks, as on a full socket. */
    private static final class BlockedSession extends RecordingSession {
        final java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        BlockedSession(String id) {
            super(id, null);
        }

        @Override
        public void sendMessage(org.springframework.web.socket.WebSocketMessage<?> message) {
            sending.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.sendMessage(message);
        }
    }

    private LiveChannel threaded() {
        return new LiveChannel(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build(),
                new WebProperties(Duration.ofMillis(250), Duration.ofSeconds(10)), clock,
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    }

    @Test
    void aTabWhoseSendStaysUnfinishedPastTheLimitIsDroppedAtTheNextFlushWhileTheOthersGoOn() throws Exception {
        LiveChannel threaded = threaded();
        BlockedSession stuck = new BlockedSession("stuck");
        RecordingSession reading = new RecordingSession("reading", null);
        threaded.afterConnectionEstablished(stuck);
        threaded.afterConnectionEstablished(reading);
        threaded.publish(LiveUpdate.every("trade", new Price("BTC", 1)));
        threaded.flush(clock.instant());
        assertThat(stuck.sending.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        clock.advance(LiveChannel.STUCK_AFTER.minusMillis(1));
        threaded.flush(clock.instant());
        assertThat(threaded.tabCount()).as("not yet past the limit").isEqualTo(2);
        clock.advance(Duration.ofMillis(2));
        threaded.publish(LiveUpdate.every("trade", new Price("BTC", 2)));
        threaded.flush(clock.instant());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> stuck.closed != null && reading.sent.size() == 2);
        assertThat(stuck.closed).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(threaded.tabCount()).isEqualTo(1);
        stuck.release.countDown();
    }

    @Test
    void aTabThatFallsBehindGetsTheNewestStateOfAKeyNotEachOneThatWaited() throws Exception {
        LiveChannel threaded = threaded();
        BlockedSession slow = new BlockedSession("slow");
        threaded.afterConnectionEstablished(slow);
        for (int i = 1; i <= 3; i++) {
            threaded.publish(new LiveUpdate("price", "BTC", LiveUpdate.Delivery.LATEST_NOW, v -> new Price("BTC", 0)));
        }
        threaded.publish(new LiveUpdate("price", "BTC", LiveUpdate.Delivery.LATEST_NOW, v -> new Price("BTC", 1)));
        threaded.flush(clock.instant());
        assertThat(slow.sending.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (int i = 2; i <= 4; i++) {
            long dollars = i;
            threaded.publish(new LiveUpdate("price", "BTC", LiveUpdate.Delivery.LATEST_NOW, v -> new Price("BTC", dollars)));
            threaded.flush(clock.instant());
        }
        slow.release.countDown();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slow.sent.size() == 2);
        assertThat(slow.sent.get(0)).contains("\"dollars\":1");
        assertThat(slow.sent.get(1)).contains("\"dollars\":4");
    }

    /** Counts how often it is serialised. */
    static final class Counted {
        private final java.util.concurrent.atomic.AtomicInteger reads;

        Counted(java.util.concurrent.atomic.AtomicInteger reads) {
            this.reads = reads;
        }

        public int getValue() {
            return reads.incrementAndGet();
        }
    }

    @Test
    void anUpdateShownAlikeToEveryViewerIsWrittenOnceForAllTheirTabs() {
        var reads = new java.util.concurrent.atomic.AtomicInteger();
        List<RecordingSession> tabs = List.of(tab("trader", false), tab("alice", false), tab("admin", true),
                tab("trader", false));
        channel.publish(LiveUpdate.latest("strike_table", "BTC", new Counted(reads)));
        channel.flush(clock.instant());
        assertThat(reads).hasValue(1);
        assertThat(tabs).allSatisfy(t -> assertThat(t.sent).singleElement().asString().contains("\"value\":1"));
    }
}
